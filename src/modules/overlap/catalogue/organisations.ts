/**
 * The organisations boards draw on. Big partners sit on most boards; each kind of work names the
 * specialist bodies it characteristically brings in (a women's aid charity for domestic abuse,
 * Jobcentre Plus for worklessness); ordinary local organisations (schools, residents' groups,
 * churches, firms) fill the rest of a board.
 *
 * A body serves a police force area of several localities (`block`: the force, the NHS
 * commissioner, the county council, the trusts), a region (`region`: national agencies' regional
 * offices), or one locality (`locality`: the CVS, local charities). Names may differ by era
 * (`pct` up to 2013, `ccg` to 2022, `icb` since): written `pct name || ccg name || icb name`.
 * `{place}` is the locality, `{area}` the force area, `{county}` the county, `{region}` the region.
 */
import type { Sector } from '../types.js';

export type Era = 'pct' | 'ccg' | 'icb';
export const ERAS: readonly Era[] = ['pct', 'ccg', 'icb'];
export type Scope = 'block' | 'region' | 'locality';

export interface BodyPattern {
  key: string;
  scope: Scope;
  sector: Sector;
  /** An organisation-type code of the reference list. */
  type: string;
  /** By era: pct, ccg, icb. */
  names: [string, string, string];
}

/** The partners on most boards (DOMAIN.md): the council is added per locality, the rest are here. */
export const BIG_PARTNER_KEYS = ['county', 'police', 'commissioner', 'cvs'] as const;

const BODIES = `
county | block | public | county-council | {county} County Council
police | block | public | police | {area} Police
commissioner | block | public | nhs-commissioner | {area} Primary Care Trust || {area} Clinical Commissioning Group || {area} Integrated Care Board
fire | block | public | fire-rescue | {area} Fire and Rescue Service
pcc | block | public | police-crime-commissioner | {area} Police Authority || {area} Police and Crime Commissioner || {area} Police and Crime Commissioner
mh-trust | block | public | nhs-trust | {area} Mental Health NHS Trust || {area} Partnership NHS Foundation Trust || {area} Partnership NHS Foundation Trust
acute-trust | block | public | nhs-trust | {area} Hospitals NHS Trust || {area} Hospitals NHS Foundation Trust || {area} Hospitals NHS Foundation Trust
community-health | block | public | nhs-trust | {area} Community Health Services || {area} Community Healthcare NHS Trust || {area} Community Healthcare NHS Trust
university | block | public | university | University of {area}
wildlife-trust | block | voluntary | charity | {area} Wildlife Trust
connexions | block | public | government-agency | Connexions {area} || {area} Careers Service || {area} Careers Hub
chamber | block | private | business-association | {area} Chamber of Commerce
lep | block | public | government-agency | {area} Economic Partnership || {area} Local Enterprise Partnership || {area} Combined Authority
hospice | block | voluntary | charity | {area} Hospice
bus-operator | block | private | business | {area} Buses Ltd
tourism-body | block | private | business-association | Visit {area}
victim-support | block | voluntary | charity | Victim Support {area}
diocese | block | community | faith-group | Diocese of {area}
care-association | block | private | business-association | {area} Care Association
sarc | block | voluntary | charity | {area} Sexual Assault Referral Centre
rape-crisis | block | voluntary | charity | {area} Rape Crisis
rcc | block | voluntary | infrastructure-body | {county} Rural Community Council
waste-contractor | block | private | business | {area} Waste Services Ltd
community-foundation | block | voluntary | charity | {area} Community Foundation
pharmacy | block | private | business-association | {area} Local Pharmaceutical Committee
ambulance | region | public | nhs-trust | {region} Ambulance Service NHS Trust
probation | region | public | probation | National Probation Service {region} || Probation Service {region} || Probation Service {region}
drug-treatment | region | voluntary | charity | Pathways Recovery ({region})
jcp | region | public | government-agency | Jobcentre Plus ({region})
pension-service | region | public | government-agency | The Pension Service ({region})
lsc | region | public | government-agency | Learning and Skills Council ({region}) || Skills Funding Agency ({region}) || Education and Skills Funding Agency ({region})
environment-agency | region | public | government-agency | Environment Agency ({region})
natural-england | region | public | government-agency | Natural England ({region})
sport | region | public | government-agency | Sport England ({region})
arts-council | region | public | government-agency | Arts Council England ({region})
homes | region | public | government-agency | Housing Corporation ({region}) || Homes and Communities Agency ({region}) || Homes England ({region})
highways | region | public | government-agency | Highways Agency ({region}) || Highways England ({region}) || National Highways ({region})
hpa | region | public | government-agency | Health Protection Agency ({region}) || Public Health England ({region}) || UK Health Security Agency ({region})
historic-england | region | public | government-agency | English Heritage ({region}) || Historic England ({region}) || Historic England ({region})
cps | region | public | government-agency | Crown Prosecution Service ({region})
courts | region | public | government-agency | HM Courts Service ({region}) || HM Courts and Tribunals Service ({region}) || HM Courts and Tribunals Service ({region})
fsb | region | private | business-association | Federation of Small Businesses ({region})
nfu | region | private | business-association | National Farmers' Union ({region})
water-company | region | private | business | {region} Water
rail | region | public | government-agency | Network Rail ({region})
wea | region | voluntary | charity | Workers' Educational Association ({region})
cvs | locality | voluntary | infrastructure-body | {place} Council for Voluntary Service
womens-aid | locality | voluntary | charity | {place} Women's Aid
cab | locality | voluntary | charity | Citizens Advice Bureau {place} || Citizens Advice {place} || Citizens Advice {place}
mind | locality | voluntary | charity | {place} Mind
age-uk | locality | voluntary | charity | Age Concern {place} || Age UK {place} || Age UK {place}
carers | locality | voluntary | charity | {place} Carers Centre
homestart | locality | voluntary | charity | Home-Start {place}
yos | locality | public | government-agency | {place} Youth Offending Team || {place} Youth Offending Service || {place} Youth Justice Service
foodbank | locality | voluntary | charity | {place} Food Bank
credit-union | locality | community | community-group | {place} Credit Union
foyer | locality | voluntary | charity | {place} Foyer
housing-assoc | locality | voluntary | housing-association | {place} Homes
tenants-fed | locality | community | community-group | {place} Federation of Tenants and Residents
college | locality | public | school-college | {place} College
sports-council | locality | community | community-group | {place} Sports Council
leisure-trust | locality | voluntary | charity | {place} Leisure Trust
arts-centre | locality | voluntary | charity | {place} Arts Centre
museum | locality | voluntary | charity | {place} Museum Trust
civic-society | locality | community | community-group | {place} Civic Society
bme-forum | locality | voluntary | charity | {place} Racial Equality Council
interfaith | locality | community | faith-group | {place} Interfaith Forum
churches | locality | community | faith-group | Churches Together in {place}
mosques | locality | community | faith-group | {place} Council of Mosques
disability-forum | locality | community | community-group | {place} Disability Forum
opf | locality | community | community-group | {place} Senior Citizens' Forum || {place} 50+ Forum || {place} Older People's Forum
youth-council | locality | community | community-group | {place} Youth Council
refugee | locality | voluntary | charity | {place} Refugee and Asylum Seeker Support
lgbt | locality | community | community-group | {place} Lesbian and Gay Network || {place} LGBT Network || {place} LGBTQ+ Network
volunteer-centre | locality | voluntary | infrastructure-body | {place} Volunteer Bureau || {place} Volunteer Centre || {place} Volunteer Centre
community-transport | locality | voluntary | charity | {place} Community Transport
groundwork | locality | voluntary | charity | Groundwork {place}
bid | locality | private | business-association | {place} Town Centre BID Company
traders | locality | private | business-association | {place} Traders' Association
homeless-charity | locality | voluntary | charity | {place} Homeless Action
recovery-community | locality | community | community-group | {place} Recovery Community
young-carers | locality | voluntary | charity | {place} Young Carers
parent-carer | locality | community | community-group | {place} Parent Carer Forum
mencap | locality | voluntary | charity | {place} Mencap
sight-hearing | locality | voluntary | charity | {place} Sight and Hearing Society
dementia-charity | locality | voluntary | charity | {place} Alzheimer's Support
healthwatch | locality | voluntary | charity | {place} Patients' Forum || Healthwatch {place} || Healthwatch {place}
energy-advice | locality | voluntary | charity | {place} Energy Advice Centre
care-repair | locality | voluntary | charity | {place} Care and Repair
street-pastors | locality | community | faith-group | {place} Street Pastors
pubwatch | locality | private | business-association | {place} Pubwatch
shopwatch | locality | private | business-association | {place} Retailers Against Crime
nhw | locality | community | community-group | {place} Neighbourhood Watch Association
allotment-society | locality | community | community-group | {place} Allotments Federation
parks-forum | locality | community | community-group | {place} Parks Forum
cycle-forum | locality | community | community-group | {place} Cycle Campaign
ramblers | locality | community | community-group | {place} Ramblers
bus-users | locality | community | community-group | {place} Bus Passengers' Group
festival-trust | locality | voluntary | charity | {place} Festival Trust
library-friends | locality | community | community-group | Friends of {place} Libraries
samaritans | locality | voluntary | charity | {place} Samaritans
relate | locality | voluntary | charity | Relate {place}
womens-centre | locality | voluntary | charity | {place} Women's Centre
enterprise-agency | locality | private | business-association | {place} Enterprise Agency
developer | locality | private | business | {place} Regeneration Company
play-association | locality | voluntary | charity | {place} Play Association
landlords-assoc | locality | private | business-association | {place} Landlords' Association
social-enterprise-network | locality | voluntary | infrastructure-body | {place} Social Enterprise Network
ymca | locality | voluntary | charity | {place} YMCA
gp-fed | locality | private | business | {place} Practice Based Commissioning Consortium || {place} GP Federation || {place} Primary Care Network
`;

function parseBodies(text: string): Map<string, BodyPattern> {
  const bodies = new Map<string, BodyPattern>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [key, scope, sector, type, names] = line.split('|').map((s) => s.trim());
    const variants = (names ?? '').split(' || ').map((n) => n.trim());
    if (!key || !type || !variants[0] || (variants.length !== 1 && variants.length !== 3))
      throw new Error(`Malformed organisation pattern: ${line}`);
    bodies.set(key, {
      key,
      scope: scope as Scope,
      sector: sector as Sector,
      type,
      names: variants.length === 3 ? (variants as [string, string, string]) : [variants[0], variants[0], variants[0]],
    });
  }
  return bodies;
}

export const BODY_PATTERNS: ReadonlyMap<string, BodyPattern> = parseBodies(BODIES);

/**
 * Ordinary local organisations, most tied to a ward: `{ward}`, `{saint}`, `{surname}`, `{trade}`
 * are filled in. `share` is how common each is, relative to the others.
 */
export interface LocalPattern {
  sector: Sector;
  type: string;
  share: number;
  names: string[];
}
export const LOCAL_PATTERNS: LocalPattern[] = [
  {
    sector: 'public',
    type: 'school-college',
    share: 14,
    names: ['{ward} Primary School', '{ward} Academy', "St {saint}'s CE Primary School", '{ward} High School'],
  },
  { sector: 'public', type: 'parish-council', share: 5, names: ['{ward} Parish Council', '{ward} Town Council'] },
  {
    sector: 'community',
    type: 'community-group',
    share: 12,
    names: [
      "{ward} Residents' Association",
      "{ward} Tenants' and Residents' Association",
      '{ward} Community Association',
      '{ward} Youth Club',
      "{ward} Women's Institute",
      '{ward} Over-60s Club',
    ],
  },
  {
    sector: 'community',
    type: 'faith-group',
    share: 5,
    names: ["St {saint}'s Church, {ward}", '{ward} Methodist Church', '{ward} Baptist Church', '{ward} Mosque'],
  },
  { sector: 'private', type: 'business', share: 12, names: ['{surname} {trade} Ltd', '{surname} and Sons'] },
  {
    sector: 'voluntary',
    type: 'housing-association',
    share: 3,
    names: ['{ward} Housing Co-operative', '{surname} Housing Trust'],
  },
  { sector: 'voluntary', type: 'charity', share: 6, names: ['{ward} Community Trust', '{ward} Family Centre'] },
];
