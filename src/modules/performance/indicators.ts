/**
 * The National Indicator Set (2008) entries whose numbers and titles were checked against a
 * source (DOMAIN.md: reference/national-indicators-partial.csv). Only what those sources
 * state is shipped: number, title, group where known, and the source. Polarity is given only
 * where the title itself says which way is better (a crime rate, a share recycled); a unit
 * only where the title says it is a percentage. Everything else is left for an administrator
 * to fill in, and the rest of the set can be imported (CSV) by a system administrator.
 */
export interface NationalIndicator {
  code: string;
  title: string;
  group?: string;
  unit?: string;
  polarity?: 'higher' | 'lower';
  source: string;
}

export const NATIONAL_INDICATORS: NationalIndicator[] = [
  {
    code: 'NI 1',
    title: '% of people who believe people from different backgrounds get on well together in their local area',
    unit: '%',
    polarity: 'higher',
    source: 'https://paperzz.com/doc/7218715/recommendation-for-improvement-targets-for-the-up-to-35-laa',
  },
  {
    code: 'NI 4',
    title: '% of people who feel they can influence decisions in their locality',
    unit: '%',
    polarity: 'higher',
    source: 'https://paperzz.com/doc/7218715/recommendation-for-improvement-targets-for-the-up-to-35-laa',
  },
  {
    code: 'NI 6',
    title: 'Participation in regular volunteering',
    polarity: 'higher',
    source: 'https://paperzz.com/doc/7218715/recommendation-for-improvement-targets-for-the-up-to-35-laa',
  },
  {
    code: 'NI 7',
    title: 'Environment for a thriving third sector',
    source: 'https://paperzz.com/doc/7218715/recommendation-for-improvement-targets-for-the-up-to-35-laa',
  },
  {
    code: 'NI 8',
    title: 'Adult Participation in Sport',
    polarity: 'higher',
    source: 'https://yumpu.com/en/document/view/26211108/agenda-pdf-selby-district-council/162',
  },
  {
    code: 'NI 9',
    title: 'Use of public libraries',
    polarity: 'higher',
    source:
      'http://data.london.gov.uk/datastore/package/use-public-libraries-visits-museums-and-galleries-and-engagement-arts',
  },
  {
    code: 'NI 10',
    title: 'Visits to museums and galleries',
    polarity: 'higher',
    source:
      'http://data.london.gov.uk/datastore/package/use-public-libraries-visits-museums-and-galleries-and-engagement-arts',
  },
  {
    code: 'NI 11',
    title: 'Engagement in the arts',
    polarity: 'higher',
    source: 'http://www.artscouncil.org.uk/publication_archive/national-indicator-11-baseline-local-authorities/',
  },
  {
    code: 'NI 15',
    title: 'Serious violent crime rate',
    polarity: 'lower',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 16',
    title: 'Serious acquisitive crime rate',
    polarity: 'lower',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 18',
    title: 'Adult re-offending rates for those under probation',
    polarity: 'lower',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 19',
    title: 'Rate of proven re-offending by young offenders',
    polarity: 'lower',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 20',
    title: 'Assault with injury crime rate',
    polarity: 'lower',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 21',
    title: 'Dealing with local concerns about anti-social behaviour and crime by the local council and police',
    polarity: 'higher',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 30',
    title: 'Re-offending rate of prolific and priority offenders',
    polarity: 'lower',
    source: 'https://paperzz.com/doc/7218715/recommendation-for-improvement-targets-for-the-up-to-35-laa',
  },
  {
    code: 'NI 32',
    title: 'Repeat incidents of domestic violence',
    polarity: 'lower',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 35',
    title: 'Building resilience to violent extremism',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 38',
    title: 'Drug-related (class A) offending rate',
    polarity: 'lower',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 39',
    title: 'Alcohol-harm related hospital admission rates',
    polarity: 'lower',
    source: 'https://paperzz.com/doc/7218715/recommendation-for-improvement-targets-for-the-up-to-35-laa',
  },
  {
    code: 'NI 40',
    title: 'Drug users in effective treatment',
    polarity: 'higher',
    source: 'https://paperzz.com/doc/7218715/recommendation-for-improvement-targets-for-the-up-to-35-laa',
  },
  {
    code: 'NI 47',
    title: 'People killed or seriously injured in road traffic accidents',
    polarity: 'lower',
    source: 'https://paperzz.com/doc/7218715/recommendation-for-improvement-targets-for-the-up-to-35-laa',
  },
  {
    code: 'NI 49',
    title: 'Number of primary fires and related fatalities and non-fatal casualties, excluding precautionary checks',
    polarity: 'lower',
    source: 'https://paperzz.com/doc/7218715/recommendation-for-improvement-targets-for-the-up-to-35-laa',
  },
  {
    code: 'NI 50',
    title: 'Emotional Health of Children',
    source: 'https://paperzz.com/doc/7218715/recommendation-for-improvement-targets-for-the-up-to-35-laa',
  },
  {
    code: 'NI 51',
    title: 'Effectiveness of CAMHS services',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 53',
    title: 'Prevalence of breastfeeding at 6-8 weeks from birth',
    polarity: 'higher',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 54',
    title: 'Services for disabled children',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 56',
    title: 'Obesity in primary school age children in year 6',
    polarity: 'lower',
    source: 'https://standards.esd.org.uk/?uri=metricType%2F5172',
  },
  {
    code: 'NI 60',
    title: "Core assessments children's social care that were carried out within 35 working days of their commencement",
    polarity: 'higher',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 63',
    title: 'Stability of placement of looked after children: length of placement',
    source: 'http://certificates.theodi.org/en/datasets/16660',
  },
  {
    code: 'NI 65',
    title: 'Percentage of children becoming the subject of Child Protection Plan for a second or subsequent time',
    unit: '%',
    source: 'http://id.esd.org.uk/metricType/100',
  },
  {
    code: 'NI 69',
    title: 'Percentage of children who have experienced bullying',
    unit: '%',
    polarity: 'lower',
    source:
      'http://webarchive.nationalarchives.gov.uk/20130401151655/http:/www.education.gov.uk/researchandstatistics/statistics/allstatistics/a00193004/dcsf-local-authority-measures-for-national-indicat',
  },
  {
    code: 'NI 72',
    title:
      'Achievement of at least 78 points across the Early Years Foundation Stage with at least 6 in each of the scales in Personal, Social and Emotional Development and Communication, Language and Literacy',
    polarity: 'higher',
    source: 'http://certificates.theodi.org/en/datasets/7502',
  },
  {
    code: 'NI 79',
    title: 'Achievement of a Level 2 qualification by the age of 19',
    polarity: 'higher',
    source: 'http://www.data4nr.net/xml/1009/rss.xml',
  },
  {
    code: 'NI 110',
    title: 'More participation in positive activities',
    polarity: 'higher',
    source:
      'http://webarchive.nationalarchives.gov.uk/20130401151655/http:/www.education.gov.uk/researchandstatistics/statistics/allstatistics/a00193004/dcsf-local-authority-measures-for-national-indicat',
  },
  {
    code: 'NI 112',
    title: 'Under 18 conception rate',
    polarity: 'lower',
    source: 'https://ckan.staging.publishing.service.gov.uk/dataset/ni_112_-_under_18_conception_rate',
  },
  {
    code: 'NI 113',
    title: 'Prevalence of Chlamydia in under 20 years olds',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 115',
    title: 'Reduce the proportion of young people frequently using illicit drugs, alcohol or volatile substances',
    polarity: 'lower',
    source:
      'http://webarchive.nationalarchives.gov.uk/20130401151655/http:/www.education.gov.uk/researchandstatistics/statistics/allstatistics/a00193004/dcsf-local-authority-measures-for-national-indicat',
  },
  {
    code: 'NI 117',
    title: '16 to 18 year olds who are Not in Education, Training or Employment (NEET)',
    polarity: 'lower',
    source: 'http://www.infochimps.com/datasets/ni-117-16-to-18-year-olds-who-are-not-in-education-training-or-e',
  },
  {
    code: 'NI 120',
    title: 'All-age all cause mortality rate',
    polarity: 'lower',
    source: 'http://doc.esd.org.uk/MetricTypeList/0.01.xml',
  },
  {
    code: 'NI 126',
    title: 'Early access for women to maternity services',
    polarity: 'higher',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 154',
    title: 'Net additional homes provided',
    group: 'Local Economy and Environmental Sustainability',
    polarity: 'higher',
    source: 'https://ckan.staging.publishing.service.gov.uk/dataset/ni-154-net-additional-homes-provided',
  },
  {
    code: 'NI 157',
    title:
      'Processing of planning applications as measured against targets for major (157a) / minor (157b) / other (157c) application types',
    group: 'Local Economy and Environmental Sustainability',
    polarity: 'higher',
    source: 'http://www.data4nr.net/resources/view-all-national-indicators/971/',
  },
  {
    code: 'NI 169',
    title: 'Proportion of non-principal classified roads where maintenance should be considered',
    group: 'Local Economy and Environmental Sustainability',
    polarity: 'lower',
    source: 'http://www.infochimps.com/datasets/ni-169-proportion-of-non-principal-classified-roads-where-mainte',
  },
  {
    code: 'NI 171',
    title: 'New business registration rate',
    group: 'Local Economy and Environmental Sustainability',
    polarity: 'higher',
    source: 'http://webarchive.nationalarchives.gov.uk/+/http:/stats.berr.gov.uk/ed/national_indicators/index.htm',
  },
  {
    code: 'NI 172',
    title: 'Percentage of small businesses in an area showing employment growth',
    group: 'Local Economy and Environmental Sustainability',
    unit: '%',
    polarity: 'higher',
    source: 'http://webarchive.nationalarchives.gov.uk/+/http:/stats.berr.gov.uk/ed/national_indicators/index.htm',
  },
  {
    code: 'NI 175',
    title: 'Access to services and facilities by public transport (and other specified models)',
    group: 'Local Economy and Environmental Sustainability',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 185',
    title: 'CO2 reduction from local authority operations',
    group: 'Local Economy and Environmental Sustainability',
    source: 'http://www.decc.gov.uk/en/content/cms/what_we_do/lc_uk/loc_reg_dev/ni185_186/ni185_186.aspx',
  },
  {
    code: 'NI 186',
    title: 'Per capita reduction in CO2 emissions in the LA area',
    group: 'Local Economy and Environmental Sustainability',
    source: 'http://www.decc.gov.uk/en/content/cms/what_we_do/lc_uk/loc_reg_dev/ni185_186/ni185_186.aspx',
  },
  {
    code: 'NI 188',
    title: 'Planning to adapt to climate change',
    group: 'Local Economy and Environmental Sustainability',
    source: 'http://www.docstoc.com/docs/47715534/Indicator-Guidance',
  },
  {
    code: 'NI 191',
    title: 'Residual household waste per household',
    group: 'Local Economy and Environmental Sustainability',
    polarity: 'lower',
    source: 'http://archive.defra.gov.uk/corporate/about/with/localgov/indicators/ni191-193.htm',
  },
  {
    code: 'NI 192',
    title: 'Household waste reused, recycled and composted',
    group: 'Local Economy and Environmental Sustainability',
    polarity: 'higher',
    source: 'http://archive.defra.gov.uk/corporate/about/with/localgov/indicators/ni191-193.htm',
  },
  {
    code: 'NI 193',
    title: 'Municipal waste land filled',
    group: 'Local Economy and Environmental Sustainability',
    polarity: 'lower',
    source: 'http://archive.defra.gov.uk/corporate/about/with/localgov/indicators/ni191-193.htm',
  },
  {
    code: 'NI 195',
    title: 'Improved street and environmental cleanliness (levels of graffiti, litter, detritus and fly-posting)',
    group: 'Local Economy and Environmental Sustainability',
    source: 'https://studylib.net/doc/18252260/1-appendix-1-laa-improvement-indicators-and-proposed-changes',
  },
  {
    code: 'NI 196',
    title: 'Fly-Tipping',
    group: 'Local Economy and Environmental Sustainability',
    source: 'http://www.nuneatonandbedworth.org.uk/otherhtml/otherforms/Fly_-Tipping-O9_4176_using_Update-OF122.html',
  },
  {
    code: 'NI 199',
    title: 'Satisfaction with parks and play areas',
    polarity: 'higher',
    source:
      'http://webarchive.nationalarchives.gov.uk/20130401151655/http:/www.education.gov.uk/researchandstatistics/statistics/allstatistics/a00193004/dcsf-local-authority-measures-for-national-indicat',
  },
];
