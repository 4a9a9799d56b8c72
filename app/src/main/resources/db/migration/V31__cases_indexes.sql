-- Covering indexes measured with 1,000,000 cases (docs/benchmarks.md, "Cases"): the triage queue
-- sorts an organisation's open cases from the index alone, and the lists of cases shared with an
-- organisation check status and date of each shared case without reading the table.
DROP INDEX cases.cases_case_file_queue;
CREATE INDEX cases_case_file_queue ON cases.case_file (organisation_id, status, urgency DESC, opened_at) INCLUDE (id);
CREATE INDEX cases_case_file_id_covering ON cases.case_file (id) INCLUDE (organisation_id, status, opened_at);
