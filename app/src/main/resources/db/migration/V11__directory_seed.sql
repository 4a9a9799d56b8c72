-- The first directory, from docs/domain-facts.md section 3. Contact details that the sources did
-- not confirm are stored with verified = false and shown as "not yet checked". Opening hours are
-- only filled in where a source gives them (24/7 lines); every other channel has UNKNOWN hours
-- and is never shown as "open now" until an administrator enters checked hours.
INSERT INTO directory.organisation (id, slug, name, description_nl, description_en, audience, forms, needs,
                                    relations, min_age, max_age, languages, anonymous, website, position)
VALUES
 (gen_random_uuid(), 'helpwanted', 'Helpwanted',
  'Gratis en anoniem advies bij online misbruik: naaktbeelden die rondgaan, afpersing, grooming. Helpt beelden en accounts offline te krijgen via contacten met platforms.',
  'Free, anonymous advice about online abuse: nude images being shared, sextortion, grooming. Helps get images and accounts taken down through its contacts with platforms.',
  'VICTIMS', '{}', '{remove-images,stop-threats,talk,know-rights,not-sure}', '{}', NULL, NULL, '{nl,en}', true,
  'helpwanted.nl', 10),
 (gen_random_uuid(), 'csg', 'Centrum Seksueel Geweld',
  'Hulp na seksueel geweld: medisch, psychisch en, als je dat wilt, samen met de politie. Dag en nacht bereikbaar; het landelijke nummer verbindt je met een centrum in jouw regio.',
  'Help after sexual violence: medical and emotional care and, if you want, together with the police. Reachable day and night; the national number connects you with a centre in your region.',
  'VICTIMS', '{}', '{talk,report-police,not-sure}', '{}', NULL, NULL, '{nl,en}', NULL, NULL, 20),
 (gen_random_uuid(), 'fier-chat', 'Chat met Fier',
  'Anonieme chat over (online) seksueel geweld en uitbuiting. De meeste mensen die chatten zijn 25 jaar of jonger.',
  'Anonymous chat about (online) sexual violence and exploitation. Most people who chat are 25 or younger.',
  'VICTIMS', '{}', '{talk,not-sure}', '{partner-or-ex,family}', NULL, NULL, '{nl}', true, 'chatmetfier.nl', 30),
 (gen_random_uuid(), 'slachtofferhulp', 'Slachtofferhulp Nederland',
  'Gratis praktische, juridische en emotionele steun. Helpt bij aangifte, schadevergoeding en je rechten als slachtoffer.',
  'Free practical, legal and emotional support. Helps with reporting to the police, compensation and your rights as a victim.',
  'VICTIMS', '{}', '{talk,know-rights,report-police}', '{}', NULL, NULL, '{nl,en}', NULL, 'slachtofferhulp.nl', 40),
 (gen_random_uuid(), 'politie', 'Politie',
  'Melding of aangifte doen. Je kunt eerst een informatief gesprek voeren en daarna pas beslissen. Bij direct gevaar: bel 112.',
  'Report to the police. You can first have an informative talk and decide afterwards. In immediate danger: call 112.',
  'VICTIMS', '{}', '{report-police,stop-threats}', '{}', NULL, NULL, '{nl,en}', false, 'politie.nl', 50),
 (gen_random_uuid(), 'veilig-thuis', 'Veilig Thuis',
  'Advies en melding bij huiselijk geweld en kindermishandeling, ook als iemand in je gezin of familie het doet. Anoniem advies is mogelijk. Dag en nacht bereikbaar.',
  'Advice and reports about domestic violence and child abuse, also when someone in your family does it. Anonymous advice is possible. Reachable day and night.',
  'VICTIMS', '{}', '{talk,not-sure}', '{family,partner-or-ex}', NULL, NULL, '{nl}', true, NULL, 60),
 (gen_random_uuid(), 'juridisch-loket', 'Het Juridisch Loket',
  'Gratis juridisch advies. Slachtoffers van ernstige geweld- en zedenmisdrijven hebben recht op een gratis advocaat.',
  'Free legal advice. Victims of serious violent and sexual crimes are entitled to a free lawyer.',
  'VICTIMS', '{}', '{know-rights}', '{}', NULL, NULL, '{nl}', NULL, NULL, 70),
 (gen_random_uuid(), 'stopncii', 'StopNCII.org',
  'Voor volwassenen (18+): maak op je eigen apparaat een digitale vingerafdruk (hash) van je intieme beelden, zodat deelnemende platforms ze kunnen tegenhouden. Alleen de hash wordt gedeeld, nooit het beeld. Engelstalig.',
  'For adults (18+): make a digital fingerprint (hash) of your intimate images on your own device, so participating platforms can block them. Only the hash is shared, never the image.',
  'VICTIMS', '{IBA-DIS,IBA-CRT,IBA-FAB,IBA-THR,SXT-SEX,SXT-FIN,SXT-OTH}', '{remove-images}', '{}', 18, NULL, '{en}', NULL,
  'stopncii.org', 80),
 (gen_random_uuid(), 'take-it-down', 'Take It Down (NCMEC)',
  'Voor beelden die gemaakt zijn toen je jonger dan 18 was (ook als je nu ouder bent): anoniem een hash maken zodat deelnemende platforms de beelden kunnen verwijderen of tegenhouden. Engelstalig.',
  'For images made when you were under 18 (also if you are older now): anonymously make a hash so participating platforms can remove or block the images.',
  'VICTIMS', '{IBA-DIS,IBA-CRT,IBA-FAB,IBA-THR,SXT-SEX,SXT-FIN,SXT-OTH,GRM,LIVE}', '{remove-images}', '{}', NULL, 17, '{en}', true,
  'takeitdown.ncmec.org', 90),
 (gen_random_uuid(), 'stop-it-now', 'Stop it Now!',
  'Anonieme hulp als je je zorgen maakt over je eigen seksuele gevoelens of gedrag, of over dat van iemand in je omgeving.',
  'Anonymous help if you are worried about your own sexual feelings or behaviour, or about someone close to you.',
  'OWN_BEHAVIOUR', '{}', '{talk}', '{}', NULL, NULL, '{nl}', true, NULL, 100);

INSERT INTO directory.channel (id, organisation_id, type, contact, verified, hours_kind, position)
SELECT gen_random_uuid(), o.id, c.type, c.contact, c.verified, c.hours_kind, c.position
FROM (VALUES
    ('helpwanted', 'PHONE', '020 261 52 75', true, 'UNKNOWN', 1),
    ('helpwanted', 'CHAT', 'helpwanted.nl', true, 'UNKNOWN', 2),
    ('helpwanted', 'FORM', 'helpwanted.nl (situatiecheck)', true, 'ALWAYS', 3),
    ('csg', 'PHONE', '0800 0188', true, 'ALWAYS', 1),
    ('fier-chat', 'CHAT', 'chatmetfier.nl', true, 'UNKNOWN', 1),
    ('slachtofferhulp', 'PHONE', '0900 0101', true, 'UNKNOWN', 1),
    ('slachtofferhulp', 'CHAT', 'slachtofferhulp.nl', true, 'UNKNOWN', 2),
    ('slachtofferhulp', 'FORM', 'slachtofferhulp.nl (aanmelden)', true, 'ALWAYS', 3),
    ('politie', 'PHONE', '112', true, 'ALWAYS', 1),
    ('politie', 'PHONE', '0900 8844', true, 'UNKNOWN', 2),
    ('politie', 'WALK_IN', 'politiebureau', true, 'UNKNOWN', 3),
    ('veilig-thuis', 'PHONE', '0800 2000', true, 'ALWAYS', 1),
    ('veilig-thuis', 'CHAT', 'veiligthuis.nl', false, 'UNKNOWN', 2),
    ('juridisch-loket', 'PHONE', '0900 8020', false, 'UNKNOWN', 1),
    ('stopncii', 'FORM', 'stopncii.org', true, 'ALWAYS', 1),
    ('take-it-down', 'FORM', 'takeitdown.ncmec.org', true, 'ALWAYS', 1),
    ('stop-it-now', 'PHONE', '0800 266 64 36', true, 'UNKNOWN', 1),
    ('stop-it-now', 'CHAT', 'stopitnow.nl', false, 'UNKNOWN', 2)
) AS c (slug, type, contact, verified, hours_kind, position)
JOIN directory.organisation o ON o.slug = c.slug;
