/**
 * The starter library: written for Joined Up, not copied from anywhere. It summarises what the
 * seed reports recommend (see the project's domain notes) and points to the real statutes and
 * guidance by citation. Case studies are illustrative: their places are fictional, and they
 * say so. Added on first need (KnowledgeService.ensureStarterLibrary), never by a migration.
 */
export interface StarterEntry {
  kind: 'case-study' | 'guidance' | 'how-to' | 'template' | 'link';
  title: string;
  summary: string;
  body: string;
  themes: string[];
  issues: string[];
  partnershipTypes: string[];
  nations: string[];
  publisher?: string;
  publishedOn?: string;
  guidanceStatus?: 'current' | 'superseded';
  supersededBy?: string;
  url?: string;
  place?: string;
  partnershipKind?: string;
  result?: string;
  contact?: string;
  citation?: string;
}

const ALL_NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'];
const ILLUSTRATIVE =
  '_An illustrative case written for Joined Up: the place and people are fictional, the steps are the ones the seed reports recommend._';

export const STARTER_LIBRARY: StarterEntry[] = [
  // ---- guidance: statutes and official guidance, by citation ------------------------------
  {
    kind: 'guidance',
    title: 'Section 75 agreements: pooled funds and lead commissioning between the NHS and councils',
    summary:
      'Section 75 of the National Health Service Act 2006 lets NHS bodies and local authorities pool budgets, delegate commissioning to one another and provide services together.',
    body: `Section 75 of the **National Health Service Act 2006** allows an NHS body and a local authority to enter "partnership arrangements" where these are likely to improve the way their functions are carried out. There are three kinds:

- **a pooled fund**: each partner puts money into one fund, spent on agreed services by a host partner;
- **lead commissioning**: one partner commissions services on behalf of both;
- **integrated provision**: one partner provides services using the other's staff or resources.

The detail is in the NHS Bodies and Local Authorities Partnership Arrangements Regulations 2000, as amended. The agreement should name the host, the aims, the contributions, how overspends and underspends are shared, how the arrangement is governed and reviewed, and how it ends.

What partnerships should know:

- a section 75 agreement is a legal agreement between the partners, not a new body: the partnership board that oversees it is usually unincorporated;
- the Better Care Fund in England is pooled through section 75 agreements;
- the power replaced section 31 of the Health Act 1999.`,
    themes: ['health-wellbeing', 'adult-social-care'],
    issues: ['finance', 'legal-form', 'governance'],
    partnershipTypes: ['health-wellbeing-board', 'voluntary'],
    nations: ['england', 'wales'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    publishedOn: '2006-11-08',
    guidanceStatus: 'current',
    citation: 'National Health Service Act 2006, s.75',
    url: 'https://www.legislation.gov.uk/ukpga/2006/41/section/75',
  },
  {
    kind: 'guidance',
    title: 'Health Act 1999 section 31 partnership arrangements',
    summary:
      'The first general power for NHS bodies and councils to pool budgets, delegate commissioning and integrate provision; replaced by section 75 of the NHS Act 2006.',
    body: `Section 31 of the **Health Act 1999** introduced the "Health Act flexibilities": pooled budgets, lead commissioning and integrated provision between NHS bodies and local authorities. Many older pooled budgets in registers are still described as "section 31 agreements".

The power was re-enacted as **section 75 of the National Health Service Act 2006**, which consolidated NHS legislation. An agreement made under section 31 carried on under the 2006 Act; when a register still names section 31, check whether the agreement has been reviewed since, and record it under its current basis.`,
    themes: ['health-wellbeing', 'adult-social-care'],
    issues: ['finance', 'legal-form'],
    partnershipTypes: ['voluntary'],
    nations: ['england', 'wales'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    publishedOn: '1999-06-30',
    guidanceStatus: 'superseded',
    supersededBy: 'National Health Service Act 2006, s.75',
    citation: 'Health Act 1999, s.31',
    url: 'https://www.legislation.gov.uk/ukpga/1999/8/section/31',
  },
  {
    kind: 'guidance',
    title: 'Business Improvement Districts in England: Local Government Act 2003 Part 4',
    summary:
      'The law for BIDs in England: a proposal, a ballot of the businesses that would pay the levy, a five-year term and the council as billing authority.',
    body: `**Part 4 of the Local Government Act 2003** (sections 41 to 59) and the **Business Improvement Districts (England) Regulations 2004** set out how a BID is made.

- A BID proposer (often a business group or the council) publishes a proposal: the area, the services, the levy, who pays it, and the arrangements for the BID body.
- The businesses that would pay the levy vote in a **ballot**. It succeeds only with a majority of those voting **and** a majority by rateable value of those voting.
- A BID lasts **no more than five years**; renewing it needs a new ballot.
- The council collects the levy as billing authority and may veto a proposal only on the grounds the regulations set out.

The BID body is commonly a company limited by guarantee. Record it in the register with its legal form and its term, so the renewal ballot is not missed.`,
    themes: ['economy-regeneration'],
    issues: ['legal-form', 'funding', 'governance'],
    partnershipTypes: ['business-improvement-district'],
    nations: ['england'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    publishedOn: '2003-09-18',
    guidanceStatus: 'current',
    citation: 'Local Government Act 2003, Part 4 (ss.41–59); Business Improvement Districts (England) Regulations 2004',
    url: 'https://www.legislation.gov.uk/ukpga/2003/26/part/4',
  },
  {
    kind: 'guidance',
    title: 'Business Improvement Districts in Wales, Scotland and Northern Ireland',
    summary:
      'Each nation has its own BID rules: the 2003 Act with Welsh regulations in Wales, the Planning etc. (Scotland) Act 2006 in Scotland, and a 2013 Act in Northern Ireland.',
    body: `BIDs follow the same idea across the UK, a ballot of the businesses that will pay, but the law differs:

| Nation | Law |
| --- | --- |
| Wales | Local Government Act 2003, Part 4, with the Business Improvement Districts (Wales) Regulations 2005 |
| Scotland | Planning etc. (Scotland) Act 2006, Part 9, with its 2007 regulations |
| Northern Ireland | Business Improvement Districts Act (Northern Ireland) 2013, with its 2014 regulations |

Check the ballot rules, the maximum term and who may propose a BID in the nation concerned before drafting a proposal.`,
    themes: ['economy-regeneration'],
    issues: ['legal-form', 'funding'],
    partnershipTypes: ['business-improvement-district'],
    nations: ['wales', 'scotland', 'northern-ireland'],
    publisher: 'UK Parliament, Scottish Parliament and Northern Ireland Assembly',
    guidanceStatus: 'current',
    citation:
      'Planning etc. (Scotland) Act 2006, Part 9; Business Improvement Districts Act (Northern Ireland) 2013; Business Improvement Districts (Wales) Regulations 2005',
  },
  {
    kind: 'guidance',
    title: 'Community Safety Partnerships: the Crime and Disorder Act 1998',
    summary:
      'Sections 5 to 7 of the Crime and Disorder Act 1998 make the council, police, fire and rescue, health and probation "responsible authorities" who must work together on crime and disorder.',
    body: `The **Crime and Disorder Act 1998** created what became Community Safety Partnerships (first called Crime and Disorder Reduction Partnerships).

- **Sections 5 and 6**: the responsible authorities (the council, the police, fire and rescue, the health commissioner and probation) must formulate and carry out a strategy to reduce crime and disorder, misuse of drugs and alcohol, and reoffending.
- **Section 17**: every council and other listed body must consider crime and disorder in all it does.
- The **Crime and Disorder (Formulation and Implementation of Strategy) Regulations 2007** set out the strategy group, the annual strategic assessment and the partnership plan.

A Community Safety Partnership is statutory: in a rationalisation it slots in as a sub-partnership of the LSP rather than being closed. Record it with the statutory type so the register keeps it.`,
    themes: ['community-safety', 'substance-misuse'],
    issues: ['governance', 'rationalisation'],
    partnershipTypes: ['community-safety-partnership'],
    nations: ['england', 'wales'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    publishedOn: '1998-07-31',
    guidanceStatus: 'current',
    citation: 'Crime and Disorder Act 1998, ss.5–7 and s.17',
    url: 'https://www.legislation.gov.uk/ukpga/1998/37/section/5',
  },
  {
    kind: 'guidance',
    title: 'Scrutiny of community safety: crime and disorder committees',
    summary:
      'Section 19 of the Police and Justice Act 2006 requires each council to have a crime and disorder committee able to review the work of the Community Safety Partnership.',
    body: `**Section 19 of the Police and Justice Act 2006** gives each council a committee (usually an overview and scrutiny committee) with power to review or scrutinise decisions and action by the responsible authorities of the Community Safety Partnership, and to make reports and recommendations to them.

For the partnership this means:

- its strategy, plan and performance may be called in by the committee;
- partners must provide information the committee asks for and attend when invited;
- the committee should meet for this purpose at least once a year.

The seed reports found that overview and scrutiny rarely held partnerships to account. A yearly scrutiny session on the partnership's outcomes is a good habit even where it is not required.`,
    themes: ['community-safety'],
    issues: ['scrutiny', 'performance'],
    partnershipTypes: ['community-safety-partnership'],
    nations: ['england', 'wales'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    guidanceStatus: 'current',
    citation: 'Police and Justice Act 2006, s.19',
    url: 'https://www.legislation.gov.uk/ukpga/2006/48/section/19',
  },
  {
    kind: 'guidance',
    title: 'Overview and scrutiny of partnerships by councils',
    summary:
      'Councils in England must have overview and scrutiny arrangements under Part 1A of the Local Government Act 2000; these may cover partnerships the council takes part in.',
    body: `Councils operating executive arrangements must have **overview and scrutiny committees** (Local Government Act 2000, Part 1A, from section 9F). They may review any matter that affects the area or its people, which lets them examine partnerships the council belongs to.

The seed reports list four kinds of scrutiny a partnership should expect:

1. one-off reviews of an activity or event;
2. reviews of systems and risks;
3. performance by theme;
4. review of performance data from the LSP and its partners.

Give scrutiny what it needs to do this: the register entry, the terms of reference, the plan and its indicators, and the partnership's costs.`,
    themes: ['community-cohesion'],
    issues: ['scrutiny', 'governance'],
    partnershipTypes: ['local-strategic-partnership', 'voluntary'],
    nations: ['england'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    publishedOn: '2000-07-28',
    guidanceStatus: 'current',
    citation: 'Local Government Act 2000, Part 1A (s.9F onwards)',
    url: 'https://www.legislation.gov.uk/ukpga/2000/22/part/1A',
  },
  {
    kind: 'guidance',
    title: 'The well-being power: Local Government Act 2000 section 2',
    summary:
      'Section 2 of the Local Government Act 2000 let councils do anything likely to promote the economic, social or environmental well-being of their area, including acting jointly.',
    body: `**Section 2 of the Local Government Act 2000** gave councils a broad power to promote the well-being of their area, and it was the power many used to join, fund and host partnerships and to pool resources with other bodies.

In England it was replaced by the **general power of competence** in section 1 of the Localism Act 2011. In Wales it was replaced by the general power of competence in the Local Government and Elections (Wales) Act 2021. A partnership agreement that relies on section 2 should be reviewed and its legal basis updated.`,
    themes: ['community-cohesion', 'economy-regeneration'],
    issues: ['legal-form', 'governance'],
    partnershipTypes: ['voluntary', 'local-strategic-partnership'],
    nations: ['england', 'wales'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    publishedOn: '2000-07-28',
    guidanceStatus: 'superseded',
    supersededBy: 'Localism Act 2011, s.1 (England); Local Government and Elections (Wales) Act 2021 (Wales)',
    citation: 'Local Government Act 2000, s.2',
    url: 'https://www.legislation.gov.uk/ukpga/2000/22/section/2',
  },
  {
    kind: 'guidance',
    title: 'The general power of competence: Localism Act 2011 section 1',
    summary:
      'A council in England may do anything an individual may generally do, which covers joining, funding and hosting partnerships, subject to other law.',
    body: `**Section 1 of the Localism Act 2011** gives councils in England the power to do anything that individuals generally may do. It replaced the well-being power for English councils.

For partnerships it supports:

- entering partnership agreements and memoranda of understanding;
- contributing money, staff or premises;
- acting as accountable body for an unincorporated partnership.

It does not override limits in other law (for example, on charging or on trading through a company), so record in the register which power each arrangement relies on.`,
    themes: ['community-cohesion'],
    issues: ['legal-form', 'governance'],
    partnershipTypes: ['voluntary', 'local-strategic-partnership'],
    nations: ['england'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    publishedOn: '2011-11-15',
    guidanceStatus: 'current',
    citation: 'Localism Act 2011, s.1',
    url: 'https://www.legislation.gov.uk/ukpga/2011/20/section/1',
  },
  {
    kind: 'guidance',
    title: 'Health and Wellbeing Boards: Health and Social Care Act 2012 section 194',
    summary:
      'Every upper-tier council in England must have a Health and Wellbeing Board, which prepares the Joint Strategic Needs Assessment and the joint health and wellbeing strategy.',
    body: `**Section 194 of the Health and Social Care Act 2012** requires each upper-tier council in England to establish a Health and Wellbeing Board. Its core members include councillors, the directors of adult social services, children's services and public health, Healthwatch and the NHS commissioner.

The board:

- prepares the **Joint Strategic Needs Assessment** and the **joint local health and wellbeing strategy**;
- encourages integrated working, including arrangements under section 75 of the NHS Act 2006;
- is a committee of the council, so council rules on meetings and access to information apply.

The seed reports asked for health plans and the community plan to be integrated: the board's strategy and the LSP's community strategy should point to one another, with shared outcomes.`,
    themes: ['health-wellbeing', 'adult-social-care'],
    issues: ['governance', 'performance'],
    partnershipTypes: ['health-wellbeing-board'],
    nations: ['england'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    publishedOn: '2012-03-27',
    guidanceStatus: 'current',
    citation: 'Health and Social Care Act 2012, s.194',
    url: 'https://www.legislation.gov.uk/ukpga/2012/7/section/194',
  },
  {
    kind: 'guidance',
    title: 'Co-operation to improve children’s well-being: Children Act 2004 section 10',
    summary:
      'Section 10 of the Children Act 2004 places a duty on councils and their partners to co-operate to improve the well-being of children; it was the basis of Children’s Trusts.',
    body: `**Section 10 of the Children Act 2004** requires each children's services authority in England to make arrangements to promote co-operation with its "relevant partners" (police, health bodies, probation, youth offending teams, schools and others) to improve children's well-being. The partners may pool budgets and share resources for this.

Children's Trust boards were set up under these arrangements. Where a Children's Trust board has been wound down, the duty to co-operate remains: record which board now carries it.`,
    themes: ['children-young-people', 'education'],
    issues: ['governance', 'finance'],
    partnershipTypes: ['childrens-trust'],
    nations: ['england'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    publishedOn: '2004-11-15',
    guidanceStatus: 'current',
    citation: 'Children Act 2004, s.10',
    url: 'https://www.legislation.gov.uk/ukpga/2004/31/section/10',
  },
  {
    kind: 'guidance',
    title: 'Safeguarding Adults Boards: Care Act 2014 section 43',
    summary:
      'Each council in England must establish a Safeguarding Adults Board with the NHS commissioner and the police, publish a strategic plan and an annual report, and arrange reviews.',
    body: `**Section 43 of the Care Act 2014** and its Schedule 2 require each local authority in England to set up a Safeguarding Adults Board. Its core members are the council, the NHS commissioner and the chief officer of police.

The board must publish a **strategic plan** each year and an **annual report**, and must arrange safeguarding adults reviews under section 44. It is statutory: it may share a secretariat or joint sub-groups with the safeguarding children partnership, but it keeps its own identity.`,
    themes: ['adult-social-care', 'older-people'],
    issues: ['governance', 'rationalisation'],
    partnershipTypes: ['safeguarding-adults'],
    nations: ['england'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    publishedOn: '2014-05-14',
    guidanceStatus: 'current',
    citation: 'Care Act 2014, s.43 and Schedule 2',
    url: 'https://www.legislation.gov.uk/ukpga/2014/23/section/43',
  },
  {
    kind: 'guidance',
    title: 'Local Resilience Forums: the Civil Contingencies Act 2004',
    summary:
      'Category 1 and 2 responders must co-operate in each police area; in England and Wales they do so through a Local Resilience Forum.',
    body: `Part 1 of the **Civil Contingencies Act 2004**, with the **Civil Contingencies Act 2004 (Contingency Planning) Regulations 2005**, requires emergency responders to assess risk, plan, warn and inform, and co-operate. In England and Wales the co-operation happens in a **Local Resilience Forum** for each police area; Scotland has regional resilience partnerships.

A forum covers several councils: record it once, in the locality that hosts it, with the other localities as its areas.`,
    themes: ['resilience'],
    issues: ['governance'],
    partnershipTypes: ['local-resilience-forum'],
    nations: ['england', 'wales', 'scotland'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    publishedOn: '2004-11-18',
    guidanceStatus: 'current',
    citation: 'Civil Contingencies Act 2004, Part 1',
    url: 'https://www.legislation.gov.uk/ukpga/2004/36/contents',
  },
  {
    kind: 'guidance',
    title: 'Local Area Agreements and the duty to co-operate',
    summary:
      'From 2007 Local Area Agreements set up to 35 improvement targets with a duty on named partners to co-operate; the government ended them in 2010.',
    body: `The **Local Government and Public Involvement in Health Act 2007** (Part 5) put Local Area Agreements on a statutory footing: up to 35 improvement targets chosen from the National Indicator Set, agreed with government for three years, with a duty on named partners to co-operate in agreeing and meeting them. The LSP itself stayed non-statutory.

The government ended Local Area Agreements and the National Indicator Set in 2010. Registers and plans from that period still refer to LAA targets and NI numbers; keep them as history, and agree current outcomes locally.`,
    themes: ['neighbourhood-renewal', 'community-cohesion'],
    issues: ['performance', 'governance'],
    partnershipTypes: ['local-strategic-partnership'],
    nations: ['england'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    guidanceStatus: 'superseded',
    supersededBy: 'Nothing statutory: outcomes are now agreed locally',
    citation: 'Local Government and Public Involvement in Health Act 2007, Part 5',
    url: 'https://www.legislation.gov.uk/ukpga/2007/28/part/5',
  },
  {
    kind: 'guidance',
    title: 'Public Services Boards in Wales: Well-being of Future Generations (Wales) Act 2015',
    summary:
      'Each local authority area in Wales has a statutory Public Services Board that assesses local well-being and publishes a local well-being plan.',
    body: `Part 4 of the **Well-being of Future Generations (Wales) Act 2015** establishes a **Public Services Board** for each local authority area in Wales. Its statutory members are the council, the local health board, the fire and rescue authority and Natural Resources Wales, with others invited.

The board prepares an **assessment of local well-being** and a **local well-being plan**, and is subject to scrutiny by a designated council committee. In Wales it is the natural apex for rationalising other partnerships.`,
    themes: ['community-cohesion', 'environment', 'health-wellbeing'],
    issues: ['governance', 'rationalisation', 'scrutiny'],
    partnershipTypes: ['local-strategic-partnership'],
    nations: ['wales'],
    publisher: 'Senedd Cymru (legislation.gov.uk)',
    guidanceStatus: 'current',
    citation: 'Well-being of Future Generations (Wales) Act 2015, Part 4',
    url: 'https://www.legislation.gov.uk/anaw/2015/2/part/4',
  },
  {
    kind: 'guidance',
    title: 'Community planning in Scotland and Northern Ireland',
    summary:
      'Community Planning Partnerships in Scotland (Community Empowerment (Scotland) Act 2015, Part 2) and community planning partnerships in Northern Ireland (Local Government Act (Northern Ireland) 2014, Part 10).',
    body: `- **Scotland**: Part 2 of the **Community Empowerment (Scotland) Act 2015** requires a Community Planning Partnership for each council area, a Local Outcomes Improvement Plan and locality plans for the areas that need them most.
- **Northern Ireland**: Part 10 of the **Local Government Act (Northern Ireland) 2014** gives each council the duty to lead community planning with its statutory partners and publish a community plan.

Both are the statutory umbrella for local partnerships in their nation, as the LSP was in England.`,
    themes: ['community-cohesion', 'neighbourhood-renewal'],
    issues: ['governance', 'engagement'],
    partnershipTypes: ['local-strategic-partnership'],
    nations: ['scotland', 'northern-ireland'],
    publisher: 'Scottish Parliament and Northern Ireland Assembly (legislation.gov.uk)',
    guidanceStatus: 'current',
    citation:
      'Community Empowerment (Scotland) Act 2015, Part 2; Local Government Act (Northern Ireland) 2014, Part 10',
  },
  {
    kind: 'guidance',
    title: 'Governing partnerships: the Audit Commission’s checklist',
    summary:
      'The Audit Commission (2005) recommended that every public body knows its partnerships, reviews them against clear criteria, agrees protocols and tells the public who is accountable.',
    body: `The Audit Commission's 2005 report on governing partnerships found that bodies **without partnership agreements had governance problems 60% of the time, against 22% with them**. It recommended that every public body:

- knows which partnerships it is in and what it puts into them;
- sets clear criteria to judge them against its objectives and cost-effectiveness;
- reviews them with a checklist, and scales down or leaves those whose costs exceed their benefits;
- agrees protocols with its partners;
- tells the public who is accountable, with joint complaints handling.

The checklist headings: **rationale, added value, governance, performance, finance, risk, termination arrangements, serving the public**. The Audit Commission closed in 2015; the checklist remains a sound basis for a yearly review, and the governance self-assessment in Joined Up follows it.`,
    themes: ['community-cohesion'],
    issues: ['governance', 'rationalisation', 'finance', 'scrutiny'],
    partnershipTypes: ['local-strategic-partnership', 'voluntary', 'funding'],
    nations: ['england', 'wales'],
    publisher: 'Audit Commission',
    guidanceStatus: 'current',
    citation: 'Audit Commission, Governing partnerships: bridging the accountability gap (2005)',
  },
  {
    kind: 'guidance',
    title: 'Joint committees of councils: Local Government Act 1972 sections 101 and 102',
    summary:
      'Two or more councils may discharge functions jointly through a joint committee, which gives a partnership of councils formal decision-making power.',
    body: `Under **sections 101 and 102 of the Local Government Act 1972**, councils may arrange for their functions to be discharged jointly and appoint a **joint committee** to do so. Executive functions may be discharged jointly under the executive arrangements regulations.

A joint committee can take binding decisions within its delegation, but it is not a separate legal body: contracts and staff sit with one of the councils. It suits partnerships of councils (waste, transport, economic development) that need decisions, not only advice.`,
    themes: ['environment', 'transport', 'economy-regeneration'],
    issues: ['legal-form', 'governance'],
    partnershipTypes: ['voluntary'],
    nations: ['england', 'wales'],
    publisher: 'UK Parliament (legislation.gov.uk)',
    guidanceStatus: 'current',
    citation: 'Local Government Act 1972, ss.101–102',
    url: 'https://www.legislation.gov.uk/ukpga/1972/70/section/101',
  },
  // ---- how-to guides -------------------------------------------------------------------------
  {
    kind: 'how-to',
    title: 'Before you set up a partnership: the gatekeeper questions',
    summary:
      'Ask whether the issue needs several levels and many organisations, or whether one body, better joint working or an existing partnership could do it.',
    body: `The seed reports found localities with over a hundred partnerships doing similar things. Every new one costs meetings, papers and officer time. Before setting one up, answer the gatekeeper's questions in writing:

1. **Does the issue really need tackling on several levels at once?**
2. **Is a wide range of organisations essential?**
3. **Could one organisation deliver it**, or two or more with better joint working?
4. **Could an existing partnership take it on**, perhaps through a sub-group?
5. **Does a fund require a new partnership**, and could the fund accept an existing one instead?

Then:

- search the register for partnerships with the same theme and area, and ask the overlap check for similar ones;
- estimate the yearly running cost: meetings a year × attendees × hours, plus the secretariat;
- agree an exit or review point before the first meeting.

In Joined Up, a proposal goes through the gatekeeper, which runs these checks for you.`,
    themes: ['community-cohesion'],
    issues: ['rationalisation', 'governance'],
    partnershipTypes: ['voluntary', 'funding', 'plan'],
    nations: ALL_NATIONS,
  },
  {
    kind: 'how-to',
    title: 'How to write terms of reference',
    summary:
      'Terms of reference say what the partnership is for, who sits on it, how it decides and to whom it answers; write them before the first meeting and review them yearly.',
    body: `Terms of reference are the minimum governance every partnership needs, and the Audit Commission found governance problems far more often where they were missing. Cover:

- **purpose**: the outcomes sought, and why they need a partnership;
- **membership**: organisations, seniority, how the voluntary and community sector is represented, substitutes;
- **chair and secretariat**: how the chair is chosen, who services meetings;
- **decisions**: quorum, how decisions are made, what is delegated by each member body;
- **accountability**: to which board it reports and how often; the accountable body for any money;
- **conflicts of interest** and declarations;
- **openness**: which papers are published, how the public can complain;
- **resources**: what each partner contributes;
- **review and exit**: the date of the next review and what happens when funding ends.

Use the terms of reference template in this library as a starting point, and link the agreed version from the register entry.`,
    themes: ['community-cohesion'],
    issues: ['governance', 'legal-form'],
    partnershipTypes: ['voluntary', 'funding', 'plan', 'local-strategic-partnership'],
    nations: ALL_NATIONS,
  },
  {
    kind: 'how-to',
    title: 'How to run a partnership merger',
    summary:
      'Map the overlap, agree the case with every partnership affected, keep the identity of any body with separate legal status, and carry the change out on one date.',
    body: `A merger is the commonest rationalisation. The seed reports set three rules: changes are **agreed with each partnership affected**; a partnership with **separate legal status keeps a distinct identity** (nest it, do not merge it away); and the **Government Office (or today, any regional adviser) may advise but has no veto**.

Steps:

1. **Find the overlap**: partnerships with the same purpose, members and area. The overlap analysis lists them with the reasons.
2. **Write the case**: what each partnership does, what the merged one will do, the saving in meetings and officer time.
3. **Consult each partnership** and record its consent, with the date of the meeting that agreed.
4. **Settle the details**: new terms of reference, membership, chair, accountable body, what happens to funds, contracts and staff.
5. **Carry it out on one effective date**, and update the register the same day, so the map and plans follow.
6. **Review after a year**: did meetings and costs fall, and did the outcomes hold?`,
    themes: ['community-cohesion', 'neighbourhood-renewal'],
    issues: ['rationalisation', 'governance'],
    partnershipTypes: ['local-strategic-partnership', 'voluntary', 'funding'],
    nations: ALL_NATIONS,
  },
  {
    kind: 'how-to',
    title: 'How to run a BID ballot',
    summary:
      'From the proposal to the result: who may vote, the two majorities a BID needs, the timetable and the council’s role as ballot holder.',
    body: `A Business Improvement District in England is made by ballot under Part 4 of the Local Government Act 2003 and the 2004 regulations.

1. **Consult businesses** on the area, the services and the levy; build the business plan.
2. **Send the proposal** to the council with the required notice, and ask it to hold the ballot.
3. **Prepare the list of voters**: each non-domestic ratepayer that would pay the levy has one vote per hereditament, weighted by rateable value for the second test.
4. **Hold a postal ballot** over the set period; publish the notice of ballot.
5. **Count** against two tests: a majority of those voting, **and** a majority by rateable value of those voting.
6. **Publish the result**; if it succeeds, the BID starts on the date set in the proposal, for no more than five years.

Keep the ballot record with the BID's register entry: turnout and both majorities are what the renewal ballot is judged against.`,
    themes: ['economy-regeneration'],
    issues: ['funding', 'engagement', 'legal-form'],
    partnershipTypes: ['business-improvement-district'],
    nations: ['england'],
    citation: 'Local Government Act 2003, Part 4; Business Improvement Districts (England) Regulations 2004',
  },
  {
    kind: 'how-to',
    title: 'How to pool a budget',
    summary:
      'Decide what the pooled money is for, choose the legal route (section 75 for NHS and council), name a host, and agree how overspends, underspends and exits are handled.',
    body: `Most LSPs had no way to tie mainstream budgets to shared goals. A pooled or aligned budget is the strongest way to do it.

1. **Agree the outcomes** the money is for, taken from the shared plan.
2. **Choose the route**: a section 75 agreement (NHS Act 2006) between NHS bodies and councils; an agreement under the general power of competence between councils and others; or an **aligned** budget where each partner keeps its own money but spends to one plan.
3. **Name the host** who holds the pool and accounts for it.
4. **Agree contributions** in money and in kind, and how they change each year.
5. **Agree risk-sharing**: who bears an overspend, where an underspend goes.
6. **Set governance**: the board that directs spending, the reports it gets, audit.
7. **Agree the exit**: notice period, how assets and liabilities are split.

Record the pooled budget and each partner's contribution in the register so the cost of the partnership is visible.`,
    themes: ['health-wellbeing', 'adult-social-care'],
    issues: ['finance', 'funding', 'legal-form'],
    partnershipTypes: ['health-wellbeing-board', 'voluntary'],
    nations: ['england', 'wales'],
    citation: 'National Health Service Act 2006, s.75',
  },
  {
    kind: 'how-to',
    title: 'How to wind up a partnership',
    summary:
      'Close a partnership cleanly: agree the decision with its members, settle money, contracts and records, hand on any continuing work, and tell the public.',
    body: `Closing a partnership whose costs exceed its benefits is good governance, not failure.

1. **Agree the decision** with every member body, recording who agreed and when.
2. **Hand on continuing work** to a named partnership or organisation.
3. **Settle the money**: final accounts, return or transfer of unspent funds as each funder's terms require, and the accountable body's sign-off.
4. **End contracts and agreements**, including any section 75 agreement, with the notice they require.
5. **Keep the records** for the retention period, with the body that will hold them.
6. **Tell the public** and update the register: closed, with the date and reason, so the map shows where the work went.

A body with separate legal status (a company, charity or CIC) must also be wound up under its own law.`,
    themes: ['community-cohesion'],
    issues: ['rationalisation', 'finance', 'legal-form'],
    partnershipTypes: ['voluntary', 'funding'],
    nations: ALL_NATIONS,
  },
  {
    kind: 'how-to',
    title: 'How to choose a legal form for a partnership',
    summary:
      'Most partnerships need no legal personality; choose a company, charity or CIC only when the partnership must hold assets, employ staff or contract in its own name.',
    body: `| Form | Suits | Note |
| --- | --- | --- |
| Unincorporated, terms of reference only | advisory and co-ordinating boards | an accountable body holds any money |
| Joint committee of councils | binding decisions on council functions | Local Government Act 1972, ss.101–102 |
| Company limited by guarantee | holding assets, employing, contracting (e.g. a BID body) | Companies Act 2006 |
| Charity or charitable company | charitable purposes, grants from trusts | Charities Act 2011 |
| Community interest company | community benefit with trading | Companies (Audit, Investigations and Community Enterprise) Act 2004, Part 2 |

A partnership with separate legal status keeps its identity in a rationalisation: it may be nested under the LSP, not merged away. Record the legal form in the register so this rule is applied.`,
    themes: ['community-cohesion', 'economy-regeneration'],
    issues: ['legal-form', 'governance'],
    partnershipTypes: ['voluntary', 'business-improvement-district'],
    nations: ALL_NATIONS,
  },
  {
    kind: 'how-to',
    title: 'How to involve the community and voluntary sector on a partnership',
    summary:
      'Balanced membership, a real say for community representatives, support to take part, and reporting back to local people.',
    body: `The seed reports expected LSPs to be balanced and inclusive across the public, private, voluntary and community sectors, with genuine community engagement.

- **Seats**: give the voluntary and community sector seats chosen by the sector itself, usually through the local infrastructure body (CVS).
- **Support**: pay expenses, brief representatives before meetings, avoid jargon, hold some meetings out of office hours.
- **Voice**: put community items early on the agenda; record when a decision followed community advice.
- **Reach**: hold open meetings, publish papers, and report back in plain words.
- **Check**: use the governance self-assessment's membership questions each year.`,
    themes: ['community-cohesion', 'neighbourhood-renewal'],
    issues: ['engagement', 'governance'],
    partnershipTypes: ['local-strategic-partnership', 'voluntary'],
    nations: ALL_NATIONS,
  },
  {
    kind: 'how-to',
    title: 'How to weigh a partnership’s costs against its benefits',
    summary:
      'Count the hours and money a partnership costs, set them against what it achieves that no member could alone, and act on the result.',
    body: `Few partnerships ever weigh their costs against their benefits. A simple yearly check:

1. **Cost**: meetings a year × attendees × hours (with preparation), at each sector's hourly rate, plus secretariat and any direct budget. The register works this out from the meeting pattern.
2. **Benefit**: outcomes achieved with the partnership that would not have happened without it (collaborative advantage); evidence from the performance framework.
3. **Signs of inertia**: slow output, great effort, the same items on every agenda.
4. **Decide**: continue, change (fewer meetings, a smaller core), merge with a similar partnership, or close.

Align the check with the partners' own planning and budget calendars so its result can change what they fund.`,
    themes: ['community-cohesion'],
    issues: ['performance', 'finance', 'rationalisation'],
    partnershipTypes: ['voluntary', 'funding', 'plan', 'local-strategic-partnership'],
    nations: ALL_NATIONS,
  },
  // ---- templates -----------------------------------------------------------------------------
  {
    kind: 'template',
    title: 'Terms of reference template',
    summary: 'A fill-in template for a partnership’s terms of reference, covering the headings good governance needs.',
    body: `# [Name of partnership]: terms of reference

**Agreed on:** [date] **Next review:** [date, no more than a year later]

## 1. Purpose
The partnership exists to [outcomes]. It is needed because [why no single organisation could do this].

## 2. Membership
| Organisation | Seat held by (role) | Substitute |
| --- | --- | --- |
| [organisation] | [role] | [role] |

The voluntary and community sector holds [number] seats, chosen by [body].

## 3. Chair and support
The chair is [chosen how, for how long]. [Organisation] provides the secretariat.

## 4. Decisions
Quorum: [number], including [which sectors]. Decisions are made by [consensus / majority]. Each member acts within the delegation given by its own organisation.

## 5. Accountability
The partnership reports to [board] every [period]. [Organisation] is the accountable body for any money held.

## 6. Conflicts of interest
Members declare any interest at the start of each meeting; declarations are minuted.

## 7. Openness
Agendas and minutes are published within [days]. Complaints go to [contact] and are handled jointly.

## 8. Resources
| Partner | Contribution (money, staff, premises) |
| --- | --- |
| [partner] | [contribution] |

## 9. Review and exit
The partnership reviews these terms, its costs and its benefits each year. If [funding ends / purpose achieved], it will [close / hand over to ...].`,
    themes: ['community-cohesion'],
    issues: ['governance', 'legal-form'],
    partnershipTypes: ['voluntary', 'funding', 'plan', 'local-strategic-partnership'],
    nations: ALL_NATIONS,
  },
  {
    kind: 'template',
    title: 'Partnership agreement template',
    summary:
      'A template agreement between partner organisations: contributions, accountable body, liabilities, data sharing, disputes and exit.',
    body: `# Partnership agreement: [name]

**Between:** [organisation 1], [organisation 2], [organisation 3] ("the partners")
**Dates:** from [start] to [end or review date]

## 1. Purpose and outcomes
[What the partners agree to achieve together.]

## 2. Legal basis
Each partner enters this agreement under [power, e.g. Localism Act 2011 s.1; NHS Act 2006 s.75].

## 3. Contributions
| Partner | Money a year | In kind |
| --- | --- | --- |
| [partner] | £[amount] | [staff, premises] |

## 4. Accountable body
[Organisation] holds funds, keeps accounts and contracts on behalf of the partners. It reports spending to the partnership every [period].

## 5. Liabilities and risk
[How overspends, claims and losses are shared.]

## 6. Information
The partners share information under [data sharing agreement]; each remains a controller of its own data.

## 7. Disputes
Disputes go first to the chair, then to the partners' chief officers, then to [mediation].

## 8. Leaving and ending
A partner may leave on [months] notice. On ending, unspent funds are [returned in proportion to contributions / passed to ...].

Signed for each partner: [name, role, date]`,
    themes: ['community-cohesion'],
    issues: ['governance', 'finance', 'legal-form'],
    partnershipTypes: ['voluntary', 'funding'],
    nations: ALL_NATIONS,
  },
  {
    kind: 'template',
    title: 'Exit strategy template',
    summary: 'Plan from the start what happens when funding ends or the purpose is achieved.',
    body: `# Exit strategy: [partnership]

## When this strategy applies
- funding from [fund] ends on [date];
- the outcomes in [plan] are achieved;
- the yearly review finds costs exceed benefits.

## What continues, and who takes it on
| Activity | Continues? | Taken on by | From |
| --- | --- | --- | --- |
| [activity] | [yes / no] | [organisation or partnership] | [date] |

## Money and assets
[How unspent funds, equipment and premises are returned or transferred, under each funder's terms.]

## Staff and contracts
[Notice periods, transfers, contracts to end or novate.]

## Records
[Which body keeps minutes, accounts and files, and for how long.]

## Telling people
[How members, service users and the public are told; the date the register will show the partnership closed.]`,
    themes: ['community-cohesion', 'neighbourhood-renewal'],
    issues: ['funding', 'rationalisation', 'finance'],
    partnershipTypes: ['funding', 'voluntary'],
    nations: ALL_NATIONS,
  },
  {
    kind: 'template',
    title: 'Significant partnership assessment template',
    summary:
      'Decide which partnerships the audit committee reviews yearly: cost, corporate priority, risk, duration and reliance, with a rating.',
    body: `# Significant partnership assessment: [partnership]

Answer each question; a partnership meeting **three or more** is significant and is reviewed by the audit committee each year.

| Test | Answer | Evidence |
| --- | --- | --- |
| Costs the council £100,000 or more a year (money and staff) | [yes / no] | |
| Significant for the council's corporate priorities | [yes / no] | |
| High risk (financial, legal, reputational) on the risk matrix | [yes / no] | |
| Expected to last five years or more | [yes / no] | |
| The council relies heavily on the partner(s) to deliver a service | [yes / no] | |

**Rating:** [major / moderate / limited] **Reviewed by:** [name, date]

Purely contractual relationships and grant recipients are not partnerships for this purpose.`,
    themes: ['community-cohesion'],
    issues: ['governance', 'scrutiny', 'finance'],
    partnershipTypes: ['voluntary', 'funding', 'plan'],
    nations: ['england', 'wales'],
  },
  {
    kind: 'template',
    title: 'Scrutiny review scoping template',
    summary:
      'Scope an overview and scrutiny review of a partnership: the question, the evidence, the witnesses and the timetable.',
    body: `# Scrutiny review of [partnership]

## The question
[What the committee wants to find out, in one sentence.]

## Why now
[Performance concern, public concern, a change of funding, the yearly cycle.]

## Kind of review
[One-off review of an event / systems and risks / performance by theme / performance data from the partnership.]

## Evidence
- the register entry, terms of reference and agreement;
- the plan, its outcomes and indicators, and the latest measurements;
- the cost of the partnership and each partner's contribution.

## Witnesses
[Chair, lead officer, community representatives, service users.]

## Timetable and report
[Meetings, site visits, date of report, to whom recommendations go, when the response is due.]`,
    themes: ['community-cohesion'],
    issues: ['scrutiny', 'performance'],
    partnershipTypes: ['local-strategic-partnership', 'community-safety-partnership', 'health-wellbeing-board'],
    nations: ['england', 'wales'],
  },
  // ---- case studies (illustrative) ----------------------------------------------------------
  {
    kind: 'case-study',
    title: 'Cutting forty partnerships to twenty-two under the LSP',
    summary:
      'A district mapped its partnerships, found a dozen doing overlapping work on young people and neighbourhoods, and rebuilt them as themed sub-groups of the LSP.',
    body: `${ILLUSTRATIVE}

**What was done.** The LSP asked every partnership in the district to fill in the register: purpose, members, meetings and costs. The map showed forty partnerships; twelve worked on young people or neighbourhoods, with the same council, police and health officers on most of them. Each partnership was asked, at its own meeting, to consider merging into one of four themed sub-groups of the LSP. The Community Safety Partnership and the Youth Offending Team board, being statutory, were kept and nested under the LSP.

**The result.** Twenty-two partnerships a year later. Officer time in meetings fell by about a third; the themed sub-groups report to the LSP against one set of outcomes.

**What made it work.** Consent from each partnership, a clear case with costs, and the regional adviser consulted throughout but with no veto.`,
    themes: ['neighbourhood-renewal', 'children-young-people', 'community-safety'],
    issues: ['rationalisation', 'governance'],
    partnershipTypes: ['local-strategic-partnership', 'community-safety-partnership', 'youth-offending-board'],
    nations: ['england'],
    place: 'Ashcombe District (fictional)',
    partnershipKind: 'Local Strategic Partnership',
    result: 'From 40 partnerships to 22; about a third less officer time in meetings',
    contact: 'Partnerships officer, Ashcombe District Council (fictional)',
  },
  {
    kind: 'case-study',
    title: 'A pooled budget for hospital discharge under section 75',
    summary:
      'The council and the NHS commissioner pooled their discharge budgets with the council as host, and cut delayed discharges.',
    body: `${ILLUSTRATIVE}

**What was done.** Two organisations each paid for care after a hospital stay, and people waited while they agreed who paid. The council and the NHS commissioner made a section 75 agreement (National Health Service Act 2006) creating a pooled fund with the council as host. A joint commissioning board, reporting to the Health and Wellbeing Board, directed spending. Overspends were shared in proportion to contributions.

**The result.** Delayed discharges fell by a quarter in the first year; one assessment replaced two.

**What made it work.** Agreeing the risk-share before the money moved, and monthly reports to the board from one set of figures.`,
    themes: ['health-wellbeing', 'adult-social-care', 'older-people'],
    issues: ['finance', 'performance', 'legal-form'],
    partnershipTypes: ['health-wellbeing-board'],
    nations: ['england'],
    place: 'Millbrook (fictional unitary council)',
    partnershipKind: 'Health and Wellbeing Board joint commissioning board',
    result: 'Delayed discharges down by a quarter in a year',
    contact: 'Head of joint commissioning, Millbrook Council (fictional)',
    citation: 'National Health Service Act 2006, s.75',
  },
  {
    kind: 'case-study',
    title: 'A town centre BID voted in at the second attempt',
    summary:
      'A first BID ballot failed on rateable value; the proposers changed the levy for small shops, consulted again, and won both majorities.',
    body: `${ILLUSTRATIVE}

**What was done.** The first ballot won a majority of votes but lost the majority by rateable value, because large stores voted against a levy they thought unfair. The proposers met each large ratepayer, added a levy cap and a small-business relief, and published a clearer business plan. The council, as ballot holder, ran the second ballot under Part 4 of the Local Government Act 2003.

**The result.** Both majorities, on a higher turnout. The BID company (a company limited by guarantee) started its five-year term the following April.

**What made it work.** Treating the failed ballot as consultation, and listening to the ratepayers who carry the second test.`,
    themes: ['economy-regeneration'],
    issues: ['funding', 'engagement', 'legal-form'],
    partnershipTypes: ['business-improvement-district'],
    nations: ['england'],
    place: 'Kelbridge town centre (fictional)',
    partnershipKind: 'Business Improvement District',
    result: 'Second ballot won on both majorities; five-year term begun',
    contact: 'BID manager, Kelbridge BID Ltd (fictional)',
  },
  {
    kind: 'case-study',
    title: 'Bringing community voices onto the community safety board',
    summary:
      'A Community Safety Partnership added residents’ representatives and open meetings, and changed its priorities after hearing them.',
    body: `${ILLUSTRATIVE}

**What was done.** The Community Safety Partnership's strategy group was all officers. It added two residents' representatives chosen by the local residents' federation, held two open meetings a year in different neighbourhoods, and published its plan in plain language.

**The result.** Anti-social behaviour on estates moved up the priorities; residents reported more incidents, which first raised and then lowered recorded figures. The council's crime and disorder committee reviewed the change and recommended it to other boards.

**What made it work.** Paying representatives' expenses and briefing them before each meeting.`,
    themes: ['community-safety', 'community-cohesion'],
    issues: ['engagement', 'scrutiny'],
    partnershipTypes: ['community-safety-partnership'],
    nations: ['wales'],
    place: 'Afonwen (fictional county borough)',
    partnershipKind: 'Community Safety Partnership',
    result: 'Residents on the board; priorities changed; scrutiny recommended the approach',
    contact: 'Community safety manager, Afonwen County Borough Council (fictional)',
  },
  {
    kind: 'case-study',
    title: 'Closing a regeneration partnership when its funding ended',
    summary:
      'A regeneration board funded by a time-limited programme planned its exit two years ahead, handed its projects on and closed on time.',
    body: `${ILLUSTRATIVE}

**What was done.** A regeneration partnership had been set up because its funding programme required one. Two years before the money ended, it agreed an exit strategy: which projects would continue and who would take them on, how assets would be transferred, and when it would close. The community centre passed to a community interest company; employment projects moved to the LSP's economy sub-group.

**The result.** The partnership closed on its planned date with nothing left unowned; the register shows where each strand went.

**What made it work.** An exit strategy written while there was still time and money to carry it out.`,
    themes: ['neighbourhood-renewal', 'economy-regeneration', 'employment-skills'],
    issues: ['funding', 'rationalisation', 'legal-form'],
    partnershipTypes: ['funding'],
    nations: ['scotland'],
    place: 'Glenmuir (fictional)',
    partnershipKind: 'Funding-driven regeneration partnership',
    result: 'Closed on time; every project handed on',
    contact: 'Regeneration manager, Glenmuir Council (fictional)',
  },
  {
    kind: 'case-study',
    title: 'One performance framework for the LSP and its partners',
    summary:
      'An LSP replaced its partners’ separate target lists with one outcome framework and a shared reporting calendar.',
    body: `${ILLUSTRATIVE}

**What was done.** Each partner reported to the LSP on its own calendar with its own measures, so the board never saw one picture. The LSP agreed a single outcome framework with indicators and targets, a quarterly reporting cycle aligned with the council's and health partners' budget cycles, and red, amber and green ratings against targets.

**The result.** The board spends its meetings on the outcomes that are off track; scrutiny reviews the same reports.

**What made it work.** Agreeing the calendar with finance officers first, so the reports arrive in time to change budgets.`,
    themes: ['community-cohesion', 'health-wellbeing'],
    issues: ['performance', 'scrutiny'],
    partnershipTypes: ['local-strategic-partnership'],
    nations: ['northern-ireland'],
    place: 'Lough Carran (fictional council area)',
    partnershipKind: 'Community planning partnership',
    result: 'One framework, one calendar; board time spent on outcomes off track',
    contact: 'Community planning officer, Lough Carran Council (fictional)',
  },
  // ---- external links ------------------------------------------------------------------------
  {
    kind: 'link',
    title: 'legislation.gov.uk: the statute book',
    summary: 'The official home of UK legislation, revised: every Act and statutory instrument cited in this library.',
    body: 'Use legislation.gov.uk to read the current text of the Acts and regulations cited here, with amendments shown, and to check whether a provision is in force in your nation.',
    themes: [],
    issues: ['legal-form', 'governance'],
    partnershipTypes: [],
    nations: ALL_NATIONS,
    url: 'https://www.legislation.gov.uk/',
    publisher: 'The National Archives',
  },
  {
    kind: 'link',
    title: 'Charity Commission for England and Wales',
    summary: 'Guidance for partnerships that are, or are thinking of becoming, charities or charitable companies.',
    body: 'The Charity Commission registers and regulates charities in England and Wales and publishes guidance on charitable purposes, trustees’ duties and governance, useful when a partnership considers charitable status.',
    themes: [],
    issues: ['legal-form', 'governance'],
    partnershipTypes: ['voluntary'],
    nations: ['england', 'wales'],
    url: 'https://www.gov.uk/government/organisations/charity-commission',
    publisher: 'Charity Commission',
  },
  {
    kind: 'link',
    title: 'Office of the Regulator of Community Interest Companies',
    summary:
      'How community interest companies are formed and regulated, for partnerships that trade for community benefit.',
    body: 'The CIC Regulator decides whether a company may become a community interest company and publishes guidance on the community interest test and the asset lock.',
    themes: ['economy-regeneration'],
    issues: ['legal-form', 'funding'],
    partnershipTypes: ['voluntary'],
    nations: ALL_NATIONS,
    url: 'https://www.gov.uk/government/organisations/office-of-the-regulator-of-community-interest-companies',
    publisher: 'Office of the Regulator of Community Interest Companies',
  },
  {
    kind: 'link',
    title: 'Centre for Governance and Scrutiny',
    summary: 'Resources on overview and scrutiny, including the scrutiny of partnerships and of health.',
    body: 'The Centre for Governance and Scrutiny publishes practical material for councillors and officers on overview and scrutiny, accountability and governance, including the scrutiny of partnerships.',
    themes: [],
    issues: ['scrutiny', 'governance'],
    partnershipTypes: ['local-strategic-partnership', 'health-wellbeing-board'],
    nations: ['england', 'wales'],
    url: 'https://www.cfgs.org.uk/',
    publisher: 'Centre for Governance and Scrutiny',
  },
];
