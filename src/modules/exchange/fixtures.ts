/**
 * A small register as CSV files, for the exchange tests: partnerships refer to a parent
 * later in the file, one partnership and one organisation are closed, one membership ended.
 */
export const ORGANISATIONS_CSV = [
  'identifier,name,sector,org_type,website,status,closed_on,close_reason',
  'GB-LAE-BRK,Brackenfield District Council,public,district-council,https://www.brackenfield.example.gov.uk,active,,',
  'GB-NHS-RX1,Brackenfield Community Health NHS Trust,public,nhs-trust,,active,,',
  ',"Brackenfield Residents\' Forum, North",community,community-group,,active,,',
  'GB-CHC-1234567,Old Town Youth Trust,voluntary,charity,,closed,2020-03-31,Merged into a regional charity',
].join('\r\n');

export const PARTNERSHIPS_CSV = [
  'reference,name,purpose,themes,basis,basis_detail,statutory_type,legal_form,accountable_body,layer,status,parent_reference,lead_organisation,chair,secretary,lead_officer,service_area,areas,meetings_per_year,meeting_minutes,typical_attendance,significance,established_on,review_date,terms_of_reference_url,closed_on,close_reason',
  'P-0002,Brackenfield Community Safety Partnership,"Reduce crime, disorder and reoffending",community-safety;substance-misuse,statutory,,community-safety-partnership,unincorporated,GB-LAE-BRK,executive,active,P-0001,GB-LAE-BRK,Cllr A. Example,,Community Safety Manager,Communities,E07999001,6,120,14,high,2003-04-01,2026-03-31,,,',
  'P-0001,Brackenfield Together,"The local strategic partnership:\r\nvision and direction",community-cohesion,voluntary,,,unincorporated,GB-LAE-BRK,strategic,active,,GB-LAE-BRK,,,,,E07999001;E05000001,4,150,25,high,2001-06-01,,https://www.brackenfield.example.gov.uk/lsp,,',
  "P-0003,Old Town Youth Forum,Young people's voice in Old Town,children-young-people,funding,Neighbourhood Renewal Fund,,unincorporated,,operational,closed,P-0001,GB-CHC-1234567,,,,,,12,90,10,low,2002-01-01,,,2019-12-31,Funding ended",
].join('\r\n');

export const MEMBERSHIPS_CSV = [
  'partnership_reference,organisation,role,representative,started_on,ended_on',
  'P-0001,GB-LAE-BRK,chair,Leader of the Council,2001-06-01,',
  'P-0001,GB-NHS-RX1,member,Chief Executive,2001-06-01,',
  'P-0001,"Brackenfield Residents\' Forum, North",member,,,',
  'P-0002,GB-LAE-BRK,member,Community Safety Manager,2003-04-01,',
  'P-0002,GB-NHS-RX1,observer,,2003-04-01,2010-03-31',
  'P-0003,GB-CHC-1234567,chair,,2002-01-01,2019-12-31',
].join('\r\n');

export const GOOD_FILES = [
  { name: 'organisations.csv', content: Buffer.from(`\uFEFF${ORGANISATIONS_CSV}\r\n`) },
  { name: 'partnerships.csv', content: Buffer.from(`${PARTNERSHIPS_CSV}\r\n`) },
  { name: 'memberships.csv', content: Buffer.from(MEMBERSHIPS_CSV) },
];
