-- Help routes (issue 12, docs/adr/0036): the referral rules get what they need from the directory,
-- the organisations a professional expects are added, and intake stores the other person's age.
-- Version 53 was reserved for this change by the lead; it touches the directory schema and adds one
-- column to intake.help_request (the follow-up question "how old is the other person?").
--
-- Opening hours are entered only where a published source gives them; every other channel keeps
-- UNKNOWN hours, so the portal never says "open now" for it. Sources (looked up for this migration):
--   De Kindertelefoon: 0800-0432, phone and chat every day 11:00-21:00, for children and young
--     people aged 8 to 18 (Flair, 5 Sept 2019, https://www.flaironline.nl/nieuws/de-kindertelefoon-bestaat-al-40-jaar-en-maxima-bezoekt-de-vrijwilligers/ ;
--     Metro, Sept 2019, https://www.metronieuws.nl/in-het-nieuws/2019/09/hoera-de-kindertelefoon-bestaat-40-jaar ;
--     ages: https://www.vriendenkindertelefoon.nl/kindertelefoon). The sources are from 2019:
--     an administrator should confirm the hours on kindertelefoon.nl.
--   113 Zelfmoordpreventie: 113 and 0800-0113 and the chat on 113.nl, 24 hours a day, 7 days a
--     week; 113 is free since October 2025 (NU.nl, July 2020, https://www.nu.nl/binnenland/6062813/ ;
--     ANP via upday, 3 Oct 2025, https://www.upday.com/nl/binnenland/nummer-113-nu-gratis-betere-hulp-bij-zelfdodingsgedachten/pj8neqt).
--   Helpwanted is part of Offlimits (https://helpwanted.nl/en/privacy-statement); it helps with
--     image abuse, sextortion, grooming, fake profiles and other online abuse, for all ages
--     (http://www.helpwanted.nl/en ; https://offlimits.nl/nieuws/hulplijnen-offlimits-vaker-gebeld).
--     No published opening hours were found for its phone and chat: they stay UNKNOWN.
--   Police 0900-8844 (no emergency) and 112: no published hours for 0900-8844 were found: UNKNOWN.
--   Sense (sense.info): sexual health for young people under 25 (domain-facts [S101]); no hours.
--   Meldpunt Kinderporno (part of Offlimits): anonymous web form for images of sexual abuse of
--     minors (domain-facts [S61]); the exact address of the form is not verified here.

ALTER TABLE directory.organisation
    ADD COLUMN specialisms text[] NOT NULL DEFAULT '{}',
    ADD COLUMN route       text   NOT NULL DEFAULT 'SUPPORT',
    ADD CONSTRAINT directory_organisation_route CHECK (route IN ('SUPPORT', 'REPORTING', 'HOME'));

ALTER TABLE directory.organisation DROP CONSTRAINT directory_organisation_audience;
ALTER TABLE directory.organisation
    ADD CONSTRAINT directory_organisation_audience CHECK (audience IN ('VICTIMS', 'OWN_BEHAVIOUR', 'CRISIS'));

-- "How old is the other person?", asked of someone who may be a child: same-age, older-minor, adult, unknown.
ALTER TABLE intake.help_request ADD COLUMN other_person_age text;

-- Helpwanted is the specialised service for every form of online sexual violence, all ages, and the
-- first desk while what happened is not clear yet (OTH). Shown by name with Offlimits.
UPDATE directory.organisation
SET specialisms = '{IBA-DIS,IBA-CRT,IBA-FAB,IBA-THR,SXT-SEX,SXT-FIN,SXT-OTH,GRM,SXC,OSI-FLASH,OSI-SOLICIT,OSI-HAR,LIVE,IMP,OTH}'
WHERE slug = 'helpwanted';
UPDATE directory.organisation
SET name = 'Helpwanted (Offlimits)',
    description_nl = 'Gratis en anoniem advies bij online misbruik, voor alle leeftijden: naaktbeelden die rondgaan, afpersing (sextortion), grooming, nepprofielen. Helpt beelden en accounts offline te krijgen via contacten met platforms. Onderdeel van Offlimits.',
    description_en = 'Free, anonymous advice about online abuse, for all ages: nude images being shared, sextortion, grooming, fake profiles. Helps get images and accounts taken down through its contacts with platforms. Part of Offlimits.'
WHERE slug = 'helpwanted' AND name = 'Helpwanted';
UPDATE directory.organisation SET name = 'Stop it Now! (Offlimits)'
WHERE slug = 'stop-it-now' AND name = 'Stop it Now!';

-- The police are the reporting route; Veilig Thuis is offered only where family or home is involved.
UPDATE directory.organisation SET route = 'REPORTING' WHERE slug = 'politie';
UPDATE directory.organisation SET route = 'HOME' WHERE slug = 'veilig-thuis';
UPDATE directory.organisation
SET description_nl = 'Melding of aangifte doen: bel 0900-8844 (geen spoed) of ga langs bij een politiebureau. Je mag eerst een informatief gesprek voeren en daarna pas beslissen. Bij direct gevaar: bel 112.',
    description_en = 'Report to the police: call 0900-8844 (not urgent) or visit a police station. You can first have an informative talk and decide afterwards. In immediate danger: call 112.'
WHERE slug = 'politie'
  AND description_nl = 'Melding of aangifte doen. Je kunt eerst een informatief gesprek voeren en daarna pas beslissen. Bij direct gevaar: bel 112.';

INSERT INTO directory.organisation (id, slug, name, description_nl, description_en, audience, forms, needs,
                                    relations, min_age, max_age, languages, anonymous, website, position,
                                    specialisms, route)
VALUES
 (gen_random_uuid(), 'kindertelefoon', 'De Kindertelefoon',
  'Voor kinderen en jongeren. Praat gratis en anoniem over alles wat je dwarszit, ook over seks, online contact en dingen die niet goed voelen.',
  'For children and young people. Talk for free and anonymously about anything that bothers you, also about sex, online contacts and things that do not feel right.',
  'VICTIMS', '{}', '{talk,not-sure}', '{}', 8, 17, '{nl}', true, 'kindertelefoon.nl', 25, '{}', 'SUPPORT'),
 (gen_random_uuid(), 'sense', 'Sense.info',
  'Voor jongeren tot 25 jaar: informatie en anoniem advies over seks, grenzen en seksueel geweld, ook via een chat.',
  'For young people up to 25: information and anonymous advice about sex, boundaries and sexual violence, also by chat.',
  'VICTIMS', '{}', '{not-sure}', '{}', NULL, 24, '{nl}', true, 'sense.info', 45, '{}', 'SUPPORT'),
 (gen_random_uuid(), 'meldpunt-kinderporno', 'Meldpunt Kinderporno (Offlimits)',
  'Meld anoniem beelden van seksueel misbruik van minderjarigen op internet. Het meldpunt beoordeelt ze en vraagt de hosting om ze te verwijderen.',
  'Report images of sexual abuse of minors on the internet anonymously. The hotline assesses them and asks the host to remove them.',
  'VICTIMS', '{IBA-DIS,IBA-FAB,IBA-CRT,LIVE,CSAM-REP}', '{remove-images}', '{}', NULL, 17,
  '{nl,en}', true, 'offlimits.nl', 95, '{CSAM-REP}', 'SUPPORT'),
 (gen_random_uuid(), '113', '113 Zelfmoordpreventie',
  'Denk je aan zelfdoding of voel je je zo slecht dat je het niet meer ziet zitten? Praat erover, gratis en anoniem, dag en nacht.',
  'Are you thinking about suicide, or do you feel so bad that you cannot see a way out? Talk about it, free and anonymous, day and night.',
  'CRISIS', '{}', '{talk}', '{}', NULL, NULL, '{nl}', true, '113.nl', 5, '{}', 'SUPPORT');

INSERT INTO directory.channel (id, organisation_id, type, contact, verified, hours_kind, position)
SELECT gen_random_uuid(), o.id, c.type, c.contact, c.verified, c.hours_kind, c.position
FROM (VALUES
    ('kindertelefoon', 'PHONE', '0800 0432', true, 'WEEKLY', 1),
    ('kindertelefoon', 'CHAT', 'kindertelefoon.nl', true, 'WEEKLY', 2),
    ('sense', 'CHAT', 'sense.info', true, 'UNKNOWN', 1),
    ('meldpunt-kinderporno', 'FORM', 'offlimits.nl', false, 'ALWAYS', 1),
    ('113', 'PHONE', '113', true, 'ALWAYS', 1),
    ('113', 'PHONE', '0800 0113', true, 'ALWAYS', 2),
    ('113', 'CHAT', '113.nl', true, 'ALWAYS', 3)
) AS c (slug, type, contact, verified, hours_kind, position)
JOIN directory.organisation o ON o.slug = c.slug;

-- De Kindertelefoon: every day 11:00-21:00 (660-1260 minutes), phone and chat.
INSERT INTO directory.opening_period (channel_id, day_of_week, opens_minute, closes_minute)
SELECT c.id, d.day, 660, 1260
FROM directory.channel c
JOIN directory.organisation o ON o.id = c.organisation_id AND o.slug = 'kindertelefoon'
CROSS JOIN generate_series(1, 7) AS d (day);
