-- intake: a victim may consent to sharing the hashes of their images (computed on their device)
-- with platforms, to block re-uploads.
ALTER TABLE intake.consent DROP CONSTRAINT intake_consent_scope;
ALTER TABLE intake.consent ADD CONSTRAINT intake_consent_scope
    CHECK (scope IN ('PROFESSIONAL_HELP', 'CONTACT_DETAILS', 'SHARE_WITH_ORGANISATION', 'IMAGE_HASHES'));
