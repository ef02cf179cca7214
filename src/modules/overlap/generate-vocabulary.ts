/**
 * Word banks for the synthetic national register (generate.ts): what partnerships on each theme
 * are called and what they say they are for. Purposes are built from a verb, an object and a
 * qualifier per objective, so two partnerships on one theme share some vocabulary (as real ones
 * do) without being copies of each other; copies are made on purpose, and recorded.
 */

export interface ThemeWords {
  /** What a partnership on this theme is called, before "Partnership", "Board"… */
  names: string[];
  /** Objects of its objectives: "anti-social behaviour in the town centre"… */
  objects: string[];
  /** Topics for its sub-groups. */
  topics: string[];
  /** Themes it is often paired with. */
  related: string[];
}

const split = (s: string) => s.split('|').map((x) => x.trim());

export const THEME_WORDS: Record<string, ThemeWords> = {
  'community-safety': {
    names: split(
      'Community Safety|Safer Communities|Crime Reduction|Safer Streets|Anti-Social Behaviour|Domestic Abuse|Reducing Reoffending|Hate Crime',
    ),
    objects: split(
      'crime and disorder|anti-social behaviour|domestic abuse and sexual violence|reoffending by prolific offenders|violent crime in the night-time economy|fear of crime|hate crime and its reporting|serious youth violence|acquisitive crime such as burglary|criminal exploitation of children|modern slavery and trafficking|arson and deliberate fires|road crime and speeding|shoplifting and business crime|street drinking and begging|repeat victims of crime|knife crime|county lines drug dealing',
    ),
    topics: split(
      'Night-Time Economy|Prolific Offenders|Domestic Abuse|Hate Crime|Youth Violence|Problem Solving|Town Centre Safety|Business Crime',
    ),
    related: split('substance-misuse|children-young-people|community-cohesion|neighbourhood-renewal'),
  },
  'health-wellbeing': {
    names: split(
      'Health and Wellbeing|Health Improvement|Public Health|Healthy Communities|Health Inequalities|Wellbeing',
    ),
    objects: split(
      'health inequalities between wards|smoking prevalence|childhood obesity|physical inactivity|mental health and emotional wellbeing|teenage conception rates|uptake of screening and immunisation|excess winter deaths|life expectancy gaps|suicide and self-harm|sexual health services|health checks for adults|breastfeeding rates|healthy eating and food poverty|loneliness and social isolation|access to primary care|dementia diagnosis rates|oral health of young children',
    ),
    topics: split(
      'Tobacco Control|Healthy Weight|Mental Health|Sexual Health|Screening|Health Protection|Suicide Prevention|Food Poverty',
    ),
    related: split('adult-social-care|older-people|children-young-people|substance-misuse'),
  },
  'children-young-people': {
    names: split("Children and Young People|Children's Trust|Early Help|Families First|Young People's|Youth"),
    objects: split(
      'outcomes for looked-after children|school readiness in the early years|child poverty|young people not in education, employment or training|early help for families|child protection referrals|youth participation and voice|support for young carers|children with special educational needs|transition to adult services|positive activities for young people|parenting support|emotional health of children|youth homelessness|attendance and exclusions|care leavers into work|troubled families|play and youth provision',
    ),
    topics: split(
      'Early Years|Looked After Children|Youth Voice|Young Carers|Transitions|Parenting|Troubled Families|Child Poverty',
    ),
    related: split('education|health-wellbeing|community-safety'),
  },
  'older-people': {
    names: split('Older People|Ageing Well|Later Life|Age Friendly|Older Persons'),
    objects: split(
      'independence of older people at home|falls and fractures|isolation among older residents|dementia friendly communities|fuel poverty among pensioners|take-up of pension credit|carers of older relatives|age friendly services|hospital discharge delays|digital inclusion of older people|befriending and lunch clubs|housing options in later life|winter warmth|intergenerational activity|community transport for older people',
    ),
    topics: split('Falls Prevention|Dementia|Befriending|Warm Homes|Carers|Digital Inclusion'),
    related: split('adult-social-care|health-wellbeing|housing'),
  },
  'adult-social-care': {
    names: split('Adult Social Care|Integrated Care|Joint Commissioning|Learning Disability|Carers|Personalisation'),
    objects: split(
      'integrated health and social care|personal budgets and direct payments|reablement after hospital|learning disability services|supported living|carers assessments|safeguarding vulnerable adults|residential care placements|home care capacity|mental health recovery services|joint commissioning of community services|pooled budgets under section 75|delayed transfers of care|assistive technology|day opportunities',
    ),
    topics: split('Learning Disability|Reablement|Carers|Commissioning|Market Shaping|Mental Health Recovery'),
    related: split('health-wellbeing|older-people|housing'),
  },
  'economy-regeneration': {
    names: split('Economic Development|Regeneration|Town Centre|Business|Enterprise|Inward Investment|High Street'),
    objects: split(
      'business start-ups and survival|inward investment|vacant shops in the town centre|the visitor economy|regeneration of brownfield sites|the high street and markets|superfast broadband coverage|business rates growth|rural business diversification|social enterprise|the evening economy|employment land|masterplanning of the town centre|support for small firms|the business improvement district|place marketing|local procurement|green industries',
    ),
    topics: split(
      'Town Centre|Inward Investment|Visitor Economy|Markets|Rural Business|Social Enterprise|Business Support',
    ),
    related: split('employment-skills|transport|neighbourhood-renewal|environment'),
  },
  'employment-skills': {
    names: split('Employment and Skills|Skills|Worklessness|Jobs|Learning and Skills|Apprenticeships'),
    objects: split(
      'worklessness and benefit dependency|adult skills and qualifications|apprenticeship starts|basic literacy and numeracy|jobs for disabled people|employer engagement in training|routes into work for lone parents|graduate retention|vocational training|in-work progression|youth unemployment|digital skills|English for speakers of other languages|job brokerage|redundancy support',
    ),
    topics: split('Apprenticeships|Adult Learning|Job Brokerage|Employer Engagement|Digital Skills|Youth Employment'),
    related: split('economy-regeneration|education|neighbourhood-renewal'),
  },
  housing: {
    names: split('Housing|Homelessness|Housing Strategy|Affordable Housing|Private Sector Housing|Tenancy Sustainment'),
    objects: split(
      'homelessness and rough sleeping|affordable housing supply|empty homes|overcrowding|private rented sector standards|disabled facilities grants|temporary accommodation|tenancy sustainment|housing for vulnerable people|energy efficiency of homes|gypsy and traveller sites|housing allocations|supported housing|landlord accreditation|housing need assessment',
    ),
    topics: split('Rough Sleeping|Empty Homes|Private Rented Sector|Allocations|Supported Housing|Affordable Homes'),
    related: split('neighbourhood-renewal|older-people|adult-social-care|environment'),
  },
  environment: {
    names: split('Environment|Climate Change|Sustainability|Green Spaces|Waste and Recycling|Air Quality|Biodiversity'),
    objects: split(
      'carbon emissions|waste reduction and recycling|air quality in the town centre|flood risk|biodiversity and habitats|parks and green spaces|fly-tipping and litter|energy efficiency|renewable energy|water quality in rivers|climate change adaptation|sustainable travel|tree planting|community energy schemes|environmental crime',
    ),
    topics: split('Climate Action|Recycling|Air Quality|Flood Risk|Green Spaces|Biodiversity|Clean Streets'),
    related: split('transport|housing|economy-regeneration'),
  },
  transport: {
    names: split('Transport|Local Transport|Travel|Road Safety|Access|Rural Transport'),
    objects: split(
      'road casualties|congestion at peak times|bus services and punctuality|rural transport links|cycling and walking routes|school travel plans|car parking|access to hospitals by public transport|community transport|rail station improvements|freight routes|accessible transport for disabled people|highway maintenance|travel planning by employers',
    ),
    topics: split('Road Safety|Bus Services|Cycling|School Travel|Community Transport|Parking'),
    related: split('environment|economy-regeneration'),
  },
  'culture-leisure': {
    names: split('Culture|Sport and Physical Activity|Arts|Heritage|Leisure|Cultural'),
    objects: split(
      'participation in sport|arts and cultural participation|heritage assets|libraries and museums|festivals and events|sports facilities|physical activity among adults|community arts|the cultural offer for tourists|volunteering in sport|club development|creative industries|public art|play areas',
    ),
    topics: split('Festivals|Heritage|Sports Development|Libraries|Creative Industries|Community Arts'),
    related: split('health-wellbeing|economy-regeneration|children-young-people'),
  },
  'neighbourhood-renewal': {
    names: split(
      'Neighbourhood Renewal|Neighbourhood Management|Estate Regeneration|New Deal for Communities|Area Regeneration|Neighbourhood',
    ),
    objects: split(
      'the most deprived neighbourhoods|neighbourhood management|estate regeneration|community involvement in decisions|resident-led action plans|the liveability of estates|narrowing the gap with the rest of the district|neighbourhood agreements|local service improvement|community chests|neighbourhood wardens|environmental improvements on estates|floor targets',
    ),
    topics: split('Neighbourhood Management|Community Chest|Estate Action|Neighbourhood Wardens|Resident Involvement'),
    related: split('community-cohesion|community-safety|housing|employment-skills'),
  },
  'community-cohesion': {
    names: split(
      'Community Cohesion|Stronger Communities|Voluntary Sector Compact|Community Engagement|Faith and Communities|Equalities',
    ),
    objects: split(
      'community cohesion|volunteering|the voluntary and community sector|community engagement and consultation|interfaith dialogue|integration of new arrivals|the compact with the voluntary sector|equality and diversity|community capacity building|tackling extremism|community assets|civic participation|social inclusion',
    ),
    topics: split('Compact|Volunteering|Interfaith|Engagement|Equalities|Community Assets'),
    related: split('neighbourhood-renewal|community-safety'),
  },
  'substance-misuse': {
    names: split('Drug and Alcohol|Substance Misuse|Drug Action|Alcohol Harm|Recovery'),
    objects: split(
      'drug-related harm|alcohol-related hospital admissions|treatment and recovery services|drug-related offending|underage drinking|needle exchange|alcohol licensing|young people using substances|families affected by drugs|drug-related deaths|recovery communities|dual diagnosis',
    ),
    topics: split('Treatment|Alcohol Harm|Young People and Substances|Recovery|Licensing'),
    related: split('community-safety|health-wellbeing'),
  },
  education: {
    names: split('Education|Schools|Learning|Raising Attainment|Lifelong Learning|Further Education'),
    objects: split(
      'educational attainment at key stage 4|school improvement|exclusions from school|attendance and persistent absence|further education participation|adult and community learning|the attainment gap for disadvantaged pupils|school place planning|governor recruitment|extended schools|14-19 provision|higher education aspiration|special educational needs provision',
    ),
    topics: split('School Improvement|Attendance|14-19|Adult Learning|Governors|Extended Schools'),
    related: split('children-young-people|employment-skills'),
  },
  resilience: {
    names: split('Resilience|Emergency Planning|Civil Contingencies|Flood Resilience|Business Continuity'),
    objects: split(
      'emergency planning|major incident response|flood warnings and response|business continuity|community resilience|pandemic preparedness|severe weather response|recovery after emergencies|risk assessment for the community risk register|warning and informing the public|mass fatality planning|fuel and power disruption',
    ),
    topics: split('Flooding|Severe Weather|Pandemic|Warning and Informing|Recovery|Business Continuity'),
    related: split('environment|health-wellbeing|community-safety'),
  },
};

export const THEMES = Object.keys(THEME_WORDS);

export const VERBS = split(
  'reduce|tackle|prevent|improve|promote|support|coordinate|commission|deliver|develop|strengthen|increase|champion|oversee|monitor|plan|align|address|lead work on|drive down',
);

/** Rewordings a copy uses, verb by verb. */
export const VERB_SYNONYMS: Record<string, string[]> = {
  reduce: ['cut', 'lower', 'bring down'],
  tackle: ['address', 'combat', 'confront'],
  prevent: ['stop', 'head off', 'avert'],
  improve: ['raise', 'enhance', 'better'],
  promote: ['encourage', 'foster', 'advance'],
  support: ['help', 'assist', 'back'],
  coordinate: ['join up', 'bring together', 'harmonise'],
  commission: ['procure', 'fund', 'buy'],
  deliver: ['provide', 'run', 'carry out'],
  develop: ['build', 'grow', 'shape'],
  strengthen: ['reinforce', 'bolster', 'build up'],
  increase: ['boost', 'expand', 'widen'],
  champion: ['advocate for', 'speak up for', 'push for'],
  oversee: ['govern', 'supervise', 'steer'],
  monitor: ['track', 'review', 'watch over'],
  plan: ['prepare', 'organise', 'map out'],
  align: ['integrate', 'match up', 'coordinate'],
  address: ['deal with', 'respond to', 'take on'],
  'lead work on': ['take the lead on', 'head up work on', 'drive work on'],
  'drive down': ['push down', 'cut back', 'reduce'],
};

export const QUALIFIERS = split(
  'in the most deprived wards|for young people and families|through early intervention|across {place}|with the voluntary and community sector|by pooling budgets|using shared data and intelligence|for vulnerable residents|in rural communities|in line with the Local Area Agreement|in the town centre|through joint commissioning|with residents and businesses|by sharing good practice|within available resources|for black and minority ethnic communities|through a single action plan|on the outlying estates|by 2010|so that services are joined up',
);

export const KIND_WORDS = split(
  'Partnership|Board|Forum|Group|Steering Group|Network|Alliance|Executive|Task Group|Panel|Commission|Consortium',
);
export const SUB_GROUP_WORDS = split(
  'Sub-Group|Delivery Group|Task Group|Working Group|Implementation Group|Operational Group|Action Group',
);

export const FUNDS = split(
  'European Social Fund|Single Regeneration Budget|Neighbourhood Renewal Fund|Sure Start|New Deal for Communities|Health Action Zone|Education Action Zone|Employment Zone|Invest to Save|Safer Stronger Communities Fund|Working Neighbourhoods Fund|Children’s Fund|Connexions|Lottery',
);

/** Programme names: many partnerships run one, and such names are the rarest, most telling words. */
export const CODEWORDS = split(
  'Horizon|Beacon|Compass|Keystone|Lighthouse|Phoenix|Bridgeway|Pathfinder|Cornerstone|Lifeline|Springboard|Waymark|Anchor|Catalyst|Crossroads|Evergreen|Foothold|Gateway|Harbour|Kestrel|Lantern|Meridian|Northstar|Orchard|Pinnacle|Quarry|Rowan|Sapling|Threshold|Uplift|Vantage|Willow|Yardstick|Zenith|Acorn|Bluebell|Cobalt|Driftwood|Emberlight|Fieldfare|Granite|Heather|Ironbridge|Juniper|Kingfisher|Larch|Millstone|Nettle|Oakleaf|Pebble|Quill|Redwing|Skylark|Thistle|Umber|Vireo|Wren',
);

export const EXTRA_SENTENCES = split(
  'It reports to {parent}|It was set up with money from the {fund} and now runs on partners’ contributions|Its action plan is refreshed every year|It commissions the {codeword} programme|Members share intelligence and agree joint priorities|It was created when the {fund} required a partnership to receive funding|The {codeword} project is its main delivery vehicle|Performance is reported to partners every quarter',
);

export const PLACE_PREFIXES = split(
  'Ash|Brack|Thorn|Mill|Kings|Hollin|Upper|Wyke|Stan|Fen|Marsh|Oak|Elm|Bram|Cold|Long|Black|White|Red|Green|Stone|Wood|Crow|Hart|Lark|Brook|Burn|Clay|Dun|Holm|Low|North|South|East|West|High|Nether|Rother|Swan|Wolds',
);
export const PLACE_SUFFIXES = split(
  'field|wick|ton|ley|bury|ham|ford|stead|worth|by|mouth|bridge|dale|caster|minster|hurst|combe|thorpe|wood',
);

export const REGIONS = split(
  'North East|North West|Yorkshire and the Humber|East Midlands|West Midlands|East of England|London|South East|South West',
);

/** Bodies with a branch in every region, and the themes that bring them to the table. */
export const REGIONAL_AGENCIES: { name: string; sector: 'public'; themes: string[]; chance: number }[] = [
  { name: 'Environment Agency', sector: 'public', themes: ['environment', 'resilience'], chance: 0.5 },
  {
    name: 'Jobcentre Plus',
    sector: 'public',
    themes: ['employment-skills', 'economy-regeneration', 'neighbourhood-renewal'],
    chance: 0.55,
  },
  { name: 'Sport England', sector: 'public', themes: ['culture-leisure'], chance: 0.4 },
  { name: 'Arts Council England', sector: 'public', themes: ['culture-leisure'], chance: 0.35 },
  { name: 'Homes England', sector: 'public', themes: ['housing', 'economy-regeneration'], chance: 0.3 },
  { name: 'Natural England', sector: 'public', themes: ['environment'], chance: 0.25 },
  { name: 'Historic England', sector: 'public', themes: ['culture-leisure', 'economy-regeneration'], chance: 0.15 },
  { name: 'National Highways', sector: 'public', themes: ['transport'], chance: 0.3 },
  { name: 'UK Health Security Agency', sector: 'public', themes: ['health-wellbeing', 'resilience'], chance: 0.3 },
  { name: 'Skills Funding Agency', sector: 'public', themes: ['employment-skills', 'education'], chance: 0.4 },
];

/** Local organisations: type, sector, a word for their names, and how many a locality has (relative). */
export const LOCAL_ORGANISATION_TYPES: {
  type: string;
  sector: 'public' | 'private' | 'voluntary' | 'community';
  label: string;
  share: number;
}[] = [
  { type: 'school-college', sector: 'public', label: 'School', share: 12 },
  { type: 'school-college', sector: 'public', label: 'College', share: 2 },
  { type: 'parish-council', sector: 'public', label: 'Town Council', share: 5 },
  { type: 'business', sector: 'private', label: 'Ltd', share: 12 },
  { type: 'business-association', sector: 'private', label: 'Chamber of Commerce', share: 1 },
  { type: 'housing-association', sector: 'voluntary', label: 'Housing Association', share: 4 },
  { type: 'charity', sector: 'voluntary', label: 'Trust', share: 14 },
  { type: 'infrastructure-body', sector: 'voluntary', label: 'Council for Voluntary Service', share: 1 },
  { type: 'community-group', sector: 'community', label: 'Residents Association', share: 10 },
  { type: 'faith-group', sector: 'community', label: 'Faith Forum', share: 3 },
];

export const CAUSES = split(
  'Youth|Carers|Mind|Age Concern|Food Bank|Credit Union|Women’s Aid|Citizens Advice|Home-Start|Refugee Support|Wildlife|Heritage|Sports|Arts|Community|Family Support|Recovery|Foyer|Disability Forum|Tenants',
);
