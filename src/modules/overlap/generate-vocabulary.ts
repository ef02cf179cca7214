/**
 * Word banks for the synthetic national register (generate.ts) that are not about the work
 * itself: place and ward names, regions, the funding streams of funded boards, the governance
 * boilerplate registers repeat, and the names of ordinary local organisations. What each kind of
 * partnership is called and what it says it does lives in `catalogue/`.
 */

const split = (s: string) => s.split('|').map((x) => x.trim());

/** The theme codes of the reference list (reference/data.ts) that the catalogue may use. */
export const THEMES = split(
  'community-safety|health-wellbeing|children-young-people|older-people|adult-social-care|economy-regeneration|employment-skills|housing|environment|transport|culture-leisure|neighbourhood-renewal|community-cohesion|substance-misuse|education|resilience',
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

/** Ward names: a stem, sometimes with a compass point or "Village" (so a big district has enough). */
export const WARD_STEMS = split(
  "Abbey|Castle|Central|Northgate|Southgate|Eastfield|Westfield|Moorside|Parkside|Riverside|St Mary's|St John's|Priory|Hill Top|Brookside|Millbrook|Greenhill|Oakwood|Ashfield|Fairfield|Kingsway|Queensway|Station|Market|Harbour|Beacon|Meadows|Woodlands|Heath|Common|Grange|Manor|Hall Green|Highfield|Newtown|Old Town|Bridge|Cross Keys|Lowfield|Westbury|Holme|Redhill|Sandhills|Thornley|Chapel|Church End|Ferry|Limes|Orchard|Quarry|Rosehill|Tower|Victoria|Well Lane|Windmill|Bankside|Cherry Tree|Deepdale|Elmwood|Foxhill",
);
export const WARD_QUALIFIERS = split('North|South|East|West|Village|Park');

export const SAINTS = split('Mary|John|Peter|Andrew|Michael|Anne|Luke|Paul|Margaret|Bede|Chad|Aidan|Hilda|Stephen');
export const SURNAMES = split(
  'Atkinson|Barker|Cartwright|Dawson|Ellis|Fletcher|Gibson|Holmes|Iqbal|Jennings|Kaur|Lister|Marsden|Nolan|Okafor|Patel|Quinn|Rowley|Shaw|Thornton|Underwood|Varley|Walsh|Yates',
);
export const TRADES = split(
  'Engineering|Builders|Logistics|Printers|Foods|Motors|Joinery|Electrical|Textiles|Plastics|Haulage|Bakery|Solicitors|Accountants|Estates|Digital',
);

/** Funding streams: full name, how boards abbreviate it, and the themes it paid for. */
export interface Fund {
  name: string;
  short: string;
  themes: string[];
  years: string;
}
export const FUNDS: Fund[] = [
  {
    name: 'Neighbourhood Renewal Fund',
    short: 'NRF',
    themes: split(
      'neighbourhood-renewal|community-safety|employment-skills|health-wellbeing|education|housing|community-cohesion',
    ),
    years: '2001–2008',
  },
  {
    name: 'Working Neighbourhoods Fund',
    short: 'WNF',
    themes: split('employment-skills|economy-regeneration|neighbourhood-renewal|children-young-people'),
    years: '2008–2011',
  },
  {
    name: 'Safer Stronger Communities Fund',
    short: 'SSCF',
    themes: split('community-safety|substance-misuse|community-cohesion|environment|neighbourhood-renewal'),
    years: '2005–2008',
  },
  {
    name: 'European Social Fund',
    short: 'ESF',
    themes: split('employment-skills|education|economy-regeneration|community-cohesion'),
    years: '2007–2013',
  },
  {
    name: 'Single Regeneration Budget',
    short: 'SRB',
    themes: split('economy-regeneration|neighbourhood-renewal|housing|employment-skills|environment|culture-leisure'),
    years: '1999–2006',
  },
  {
    name: 'Sure Start',
    short: 'Sure Start',
    themes: split('children-young-people|health-wellbeing|education'),
    years: '2000–2006',
  },
  {
    name: 'Health Action Zone',
    short: 'HAZ',
    themes: split('health-wellbeing|adult-social-care|older-people|substance-misuse'),
    years: '1999–2006',
  },
  {
    name: 'Education Action Zone',
    short: 'EAZ',
    themes: split('education|children-young-people'),
    years: '1999–2005',
  },
  {
    name: 'Children’s Fund',
    short: 'Children’s Fund',
    themes: split('children-young-people|education|community-safety'),
    years: '2001–2008',
  },
  {
    name: 'Local Enterprise Growth Initiative',
    short: 'LEGI',
    themes: split('economy-regeneration|employment-skills'),
    years: '2006–2011',
  },
  {
    name: 'European Regional Development Fund',
    short: 'ERDF',
    themes: split('economy-regeneration|environment|transport'),
    years: '2014–2020',
  },
  {
    name: 'Better Care Fund',
    short: 'BCF',
    themes: split('adult-social-care|older-people|health-wellbeing|housing'),
    years: '2015–2025',
  },
  {
    name: 'UK Shared Prosperity Fund',
    short: 'UKSPF',
    themes: split('economy-regeneration|employment-skills|community-cohesion|culture-leisure|environment|transport'),
    years: '2022–2025',
  },
  {
    name: 'Big Lottery Fund',
    short: 'Lottery',
    themes: [...THEMES],
    years: '2004–2012',
  },
];

/** The sentences registers paste into many records: shared wording that says nothing about the work. */
export const BOILERPLATE_SENTENCES = split(
  'LSP theme partnership.|To deliver the priorities of the Sustainable Community Strategy.|Reports to the LSP Board quarterly.|Contributes to the LAA targets.|Terms of reference agreed by the LSP Executive.|Membership reviewed annually.',
);
/** A purpose that is all boilerplate but for the subject: `{word}` is the kind's one word. */
export const BOILERPLATE_PURPOSE =
  'LSP theme partnership for {word}: to deliver the priorities of the Sustainable Community Strategy and the Local Area Agreement through partnership working.';
/** The one purpose of the stress set (`boilerplateShare`): the same words everywhere. */
export const STRESS_BOILERPLATE =
  'To deliver the priorities of the Sustainable Community Strategy and the Local Area Agreement through partnership working.';

export const CLOSE_WORDS = split('Meets quarterly.|Meets bi-monthly.|Action plan refreshed each April.');
