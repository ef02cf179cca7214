/** Culture and leisure, communities and equality, governance and resilience (format: kinds.ts). */
export const COMMUNITIES = `
@lsp | lsp | community-cohesion | lsp | Partnership | chamber college fire acute-trust
O {place} Local Strategic Partnership :: The umbrella partnership of the public, private, voluntary and community sectors: agrees the Sustainable Community Strategy and the Local Area Agreement
E {place} Together :: Bringing together the organisations that serve {place} to agree a shared vision and work on what matters most to residents
T LSP Bd :: SCS; LAA; theme ptnrshps
P {place} Partnership Board :: Leads the community plan and holds the thematic partnerships to account for delivery

@lsp-executive | topic | community-cohesion | lsp-governance | Executive |
O LSP Executive Group :: To manage the LSP's business between board meetings, set agendas and oversee the performance of the theme partnerships
E Partnership Management Group :: Senior officers keeping the partnership running smoothly and making sure things get done
T LSP Exec :: agenda setting; escalation
P Theme Chairs Group :: Chairs of each theme partnership coordinating work across themes and sorting out overlaps

@performance | topic | community-cohesion | lsp-governance | Performance |
O LAA Performance Management Group :: To monitor progress against the Local Area Agreement targets and the national indicators, and report exceptions to the LSP
E Are We Making a Difference Group :: Checking whether partners are doing what they promised and whether it is working
T Perf Mgt Grp :: LAA scorecard; RAG
P Comprehensive Area Assessment Group :: Prepares the evidence for the area assessment and responds to the inspectorates' findings

@finance-resources | topic | community-cohesion | resources | Budgets |
O Partnership Finance and Resources Group :: To align partners' budgets with the priorities of the community strategy and manage pooled and area-based grants
E Joining Up the Money Group :: Working out how to pool money across partners so it goes further
T Finance Grp :: ABG; pooling
P Total Place Pilot Board :: Maps all public spending in the area and redesigns services to cut duplication

@information-sharing | topic | community-cohesion community-safety | intelligence | Data | university
O Information Sharing Group :: To maintain the information sharing protocol between partners and support safe, lawful sharing of personal data
E Data Sharing Network :: Helping organisations share the right information about people and places while respecting privacy
T ISP Grp :: ISA; DPIAs
P Local Information System Steering Group :: Runs the shared online observatory of statistics and ward profiles used by all partners

@communications | topic | community-cohesion | comms | Communications |
O Partnership Communications Group :: To coordinate partners' communications, campaigns and media work so residents hear a consistent message
E Telling People Group :: Getting the word out about what partners are doing, in plain English
T Comms Grp :: campaign calendar; press
P Residents' Magazine Editorial Board :: Produces the joint residents' magazine delivered to every home

@shared-services | topic | community-cohesion economy-regeneration | efficiency | Shared services |
O Shared Services Board :: To develop shared back-office and front-line services between the councils and other public bodies to cut costs
E Working Smarter Together Group :: Councils and other bodies sharing staff, buildings and systems to save money
T SS Bd :: shared ICT; HR; revs & bens
P One Public Estate Programme Board :: Brings public buildings and land together to free up sites and save running costs

@joint-scrutiny | topic | community-cohesion | scrutiny | Scrutiny |
O Joint Overview and Scrutiny Panel :: To scrutinise the LSP and partners' performance on shared priorities and make recommendations
E Holding to Account Panel :: Councillors and co-opted residents asking partners hard questions about what they have achieved
T LSP Scrutiny :: call-in; reviews
P Crime and Disorder Scrutiny Committee :: The statutory committee scrutinising community safety work under the Police and Justice Act 2006

@stronger-communities | thematic | community-cohesion | communities-core | Communities | volunteer-centre churches interfaith
O Stronger Communities Partnership :: To build strong, cohesive and active communities where people get on well together (NI 1) and can influence decisions (NI 4)
E Better Together {place} :: Helping neighbours get involved, volunteer and look out for each other
T SSC Ptnrshp :: NI 1, NI 4, NI 6
P Community Empowerment Board :: Leads the empowerment action plan: participatory budgeting, asset transfer and community rights

@compact | topic | community-cohesion | vcs | Compact | volunteer-centre community-foundation
O Compact Working Group :: To implement the local Compact between the public and voluntary sectors on funding, consultation and partnership working
E Voluntary Sector Forum :: Charities and community groups meeting public bodies about grants, contracts and being treated fairly
T Compact Grp :: codes of practice; 12-week consultations
P Thriving Third Sector Board :: Works to improve the environment for a thriving third sector (NI 7)

@volunteering | topic | community-cohesion | vcs | Volunteering | volunteer-centre churches
O Volunteering Strategy Group :: To increase participation in regular volunteering (NI 6) and improve the support offered to volunteers and the groups that involve them
E Time to Give Network :: Matching people who want to help with groups that need them
T Vol Strat Grp :: NI 6; brokerage
P Millennium Volunteers Programme Board :: Supports young volunteers aged 16-24 to gain awards for their hours

@cohesion | topic | community-cohesion | cohesion | Cohesion | interfaith bme-forum refugee
O Community Cohesion Steering Group :: To increase the proportion of people who believe people from different backgrounds get on well together (NI 1), and respond quickly to community tensions
E Getting On Together Network :: Bringing people of different faiths, cultures and ages together through shared events and projects
T Cohesion Grp :: tension monitoring; NI 1
P Migration Impacts Fund Board :: Funds projects that ease pressures on services from new migration, such as welcome packs and interpreters

@interfaith | topic | community-cohesion | cohesion | Faith | interfaith churches mosques diocese
O Faith Communities Forum :: To build understanding between faith communities and involve them in public life and the delivery of services
E Interfaith Friendship Group :: Churches, mosques, temples and gurdwaras visiting each other and working on local projects together
T Faiths Forum :: faith leaders; Inter Faith Week
P Near Neighbours Programme :: Small grants bringing together people of different faiths living in the same neighbourhood

@refugees | topic | community-cohesion housing | cohesion | Refugees | refugee college churches community-health
O Refugee and Asylum Seeker Partnership :: To coordinate support for asylum seekers dispersed to the area and help refugees to settle, learn English and find work
E Welcome Network :: Volunteers and agencies helping people who have fled war and persecution to feel at home
T Asylum Grp :: dispersal; NASS; move-on
P Resettlement Programme Board :: Organises housing, school places and casework for families arriving through the resettlement scheme

@equality | topic | community-cohesion | equality | Equality | bme-forum disability-forum lgbt womens-centre
O Equality and Diversity Partnership :: To advance equality across the protected characteristics, publish equality objectives and involve equality groups in decisions
E Fair for All Forum :: Making sure nobody is treated worse because of race, disability, age, gender, religion or sexuality
T E&D Grp :: EIAs; PSED objectives
P Equality Framework Steering Group :: Works towards the 'excellent' level of the equality framework for local government

@disability-voice | topic | community-cohesion adult-social-care | equality | Disabled people | disability-forum sight-hearing mencap
O Disability Equality Forum :: To involve disabled people in shaping services and removing barriers to access in the built environment, transport and employment
E Access for All Group :: Disabled people checking shops, streets and public buildings and telling the council what needs fixing
T Access Grp :: access audits; DDA
P Changing Places Toilets Project :: Funds and installs fully accessible toilets in the town centre, the leisure centre and the park

@bme | topic | community-cohesion | equality | Race equality | bme-forum mosques
O Black and Minority Ethnic Communities Forum :: To represent BME communities and promote race equality in employment, health, housing and public services
E Many Cultures Forum :: Community leaders from every background raising the issues that affect their communities
T BME Forum :: race equality scheme
P Race Equality Council Partnership :: Supports victims of racial discrimination and monitors the race equality duty

@community-engagement | topic | community-cohesion neighbourhood-renewal | engagement | Engagement | rcc
O Community Engagement Partnership :: To coordinate consultation and engagement by partners, avoid consultation fatigue and feed results into decisions
E Listening to Residents Group :: Joining up surveys and meetings so people are asked once and told what happened
T Consultation Grp :: citizens' panel; place survey
P Community Empowerment Network :: The network through which community and voluntary groups elect their representatives to the LSP

@community-grants | topic | community-cohesion | grants | Grants | community-foundation
O Community Grants Panel :: To award small grants to community and voluntary groups from the community chest and partners' grant budgets
E Local Funding Decisions Group :: Residents and councillors deciding which local groups get a bit of money for their projects
T Grants Panel :: community chest; <£5k
P Participatory Budgeting Steering Group :: Runs the 'You Decide' events where residents vote on how part of the budget is spent

@community-assets | topic | community-cohesion | assets | Community buildings | rcc
O Community Asset Transfer Group :: To transfer community buildings and land to local groups on long leases and help them manage them sustainably
E Saving Our Community Buildings Group :: Helping groups take over halls, libraries and pubs that would otherwise close
T CAT Grp :: asset transfer; ACVs
P Community Ownership Fund Board :: Supports bids for match funding to buy assets of community value

@neighbourhood-renewal-board | thematic | neighbourhood-renewal | nr-core | Neighbourhood renewal | jcp housing-assoc
O Neighbourhood Renewal Board :: To narrow the gap between the most deprived neighbourhoods and the rest of the district on jobs, crime, education, health, housing and the environment
E Closing the Gap Partnership :: Extra effort and money for the estates that have been left behind
T NRF Bd :: floor targets; NRS
P Working Neighbourhoods Fund Board :: Allocates the fund to projects tackling worklessness and low enterprise in the most deprived wards

@cultural-partnership | thematic | culture-leisure | culture-core | Culture | arts-council museum arts-centre
O Cultural Partnership :: To deliver the cultural strategy and increase engagement in the arts (NI 11), museums (NI 10) and libraries (NI 9)
E Creative {place} :: Arts, heritage, libraries and sports groups making culture part of everyone's life
T Culture Ptnrshp :: cultural strategy; NI 9-11
P Cultural Compact Board :: Leaders from business, the council and the arts investing in the area's cultural growth

@sport | topic | culture-leisure health-wellbeing | activity | Sport | sport sports-council leisure-trust
O Community Sport Network :: To increase participation in sport and develop clubs, coaches and facilities that welcome everyone
E Sports Forum :: Local clubs, coaches and volunteers working together to get more people playing
T CSN :: club accreditation; coaches
P Sport Unlimited Programme Board :: Runs taster courses in new sports for 11-19 year olds, linked to local clubs

@school-sport | topic | culture-leisure education | activity | School sport | sport sports-council
O School Sport Partnership :: To increase the proportion of children taking part in two hours of high-quality PE and school sport a week (NI 57)
E Sporty Schools Group :: More games for pupils in and after lessons, and clubs for them to join
T SSP :: PESSCL; NI 57
P School Games Organising Committee :: Runs the competitions at school, district and county level

@arts | topic | culture-leisure | arts | Arts | arts-council arts-centre
O Arts Development Partnership :: To increase engagement in the arts (NI 11) and support artists, arts organisations and participation in deprived areas
E Arts for Everyone Network :: Music, theatre, dance and painting for people who don't usually get the chance
T Arts Dev Grp :: NI 11; commissions
P Creative People and Places Consortium :: A nationally funded programme bringing the arts to places where few take part

@heritage | topic | culture-leisure economy-regeneration | heritage | Heritage | museum civic-society historic-england
O Heritage Partnership :: To conserve and make the most of the area's historic buildings, conservation areas and museums
E Our History Group :: Local history societies and the museum looking after old buildings and telling the town's story
T Heritage Grp :: at-risk register; CAs
P Townscape Heritage Initiative Board :: Lottery grants to repair historic buildings in the conservation area

@libraries | topic | culture-leisure education | reading | Libraries | library-friends college
O Library Services Partnership :: To increase use of public libraries (NI 9) and develop them as community hubs for reading, learning and information
E Reading for All Group :: Getting more people reading and borrowing, from babies to pensioners
T Libraries Grp :: visits; issues; NI 9
P Summer Reading Challenge Steering Group :: Runs the summer challenge and Bookstart packs for babies and toddlers

@events | topic | culture-leisure economy-regeneration | events | Festivals | festival-trust traders
O Events and Festivals Partnership :: To plan and promote the annual programme of festivals and events and manage their safety
E Festival Committee :: Volunteers putting on the summer carnival, the bonfire and the switch-on of the Christmas lights
T Events Grp :: SAG; calendar
P Winter Festival Board :: Raises the money for and runs the lights, the market and the late-night shopping evening

@leisure-facilities | topic | culture-leisure health-wellbeing | activity | Leisure centres | leisure-trust sport
O Leisure Facilities Strategy Group :: To plan the future of the district's swimming pools, sports halls and pitches, and the leisure trust contract
E New Pool Campaign Group :: Residents and clubs pressing for a new swimming pool and better sports halls
T Leisure Contract Grp :: facilities strategy; PPS
P Free Swimming Programme Board :: Free swimming for under-16s and over-60s and the pool improvement grant

@emergency-planning | topic | resilience | emergencies | Emergencies | fire acute-trust environment-agency hpa
O Emergency Planning Group :: To prepare for, respond to and recover from emergencies, as category 1 responders must under the Civil Contingencies Act 2004
E Ready for Anything Group :: Making sure the council and the emergency services know what to do in a flood, fire, storm or outbreak
T EP Grp :: major incident plan; rest centres
P Resilience Forum Local Delivery Group :: Local delivery of the community risk register and the multi-agency plans

@business-continuity | topic | resilience economy-regeneration | emergencies | Continuity | chamber fire
O Business Continuity Forum :: To promote business continuity management among local firms and voluntary organisations, as the Civil Contingencies Act requires
E Keep Trading Group :: Helping small businesses plan how to keep going after a fire, a flood or a computer failure
T BC Forum :: BCM advice; exercises
P Business Resilience Programme :: Workshops and exercises helping firms write and test a continuity plan

@community-resilience | topic | resilience community-cohesion | emergencies | Resilience | rcc nhw churches
O Community Resilience Group :: To help communities prepare for emergencies with their own community emergency plans, volunteers and resources
E Good Neighbours in an Emergency Network :: Residents with snow shovels, sandbags and spare rooms ready to help in a crisis
T CR Grp :: community plans; flood wardens
P Community Emergency Volunteers Scheme :: Trains and equips volunteers to support rest centres and welfare checks
`;
