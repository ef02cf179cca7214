/**
 * Facilities and neighbourhoods: one board a ward, named after it (format: kinds.ts). A council
 * names all of its children's centre boards alike, so a locality uses one phrasing of each of
 * these kinds for every ward; two such boards differ in their ward and its area code, and are
 * not duplication.
 */
export const LOCAL = `
@childrens-centre | facility | children-young-people | early-years-local | Children's centre | homestart community-health
O {ward} Children's Centre Advisory Board :: To oversee the services of the {ward} Children's Centre for families with children under five, and make sure parents have a say in how it is run
E {ward} Children's Centre Parents' Forum :: Mums, dads and local groups shaping what goes on at the {ward} centre: stay and play, baby clinics and courses
T {ward} CC Bd :: u5s; reach area
P Sure Start {ward} Partnership Board :: The {ward} Sure Start children's centre: core offer (NI 109), early learning and childcare, family support and child health

@pact | facility | community-safety | neighbourhood-safety | Policing | nhw
O {ward} Partners and Communities Together Meeting :: Residents, police and the council agree the top three local priorities for the {ward} neighbourhood policing team each quarter
E {ward} Neighbourhood Action Group :: Local people and the beat team sorting out speeding, litter and nuisance in {ward}
T {ward} PACT :: ward priorities
P {ward} Safer Neighbourhood Panel :: Community panel setting the safer neighbourhoods team's priorities for {ward}

@community-centre | facility | community-cohesion | community-buildings | Community centre |
O {ward} Community Centre Management Committee :: To manage the {ward} Community Centre for the benefit of local residents, and let rooms to community groups
E Friends of {ward} Community House :: Volunteers keeping the community house in {ward} open for groups, classes and a friendly cuppa
T {ward} Comm Centre Cttee :: lettings; upkeep
P {ward} Community Hub Board :: Runs the {ward} hub: advice sessions, a library corner and the community café

@extended-schools | facility | education children-young-people | school-clusters | Extended schools | homestart
O {ward} Extended Schools Cluster :: To provide the extended services core offer through the schools of the {ward} cluster: childcare, activities, parenting support and community access
E {ward} Schools Together Group :: Schools in {ward} sharing breakfast clubs, after-school clubs and family support
T {ward} ES Cluster :: core offer
P {ward} Learning Community Board :: Heads, governors and partners of the {ward} learning community planning joint services for families

@neighbourhood-forum | facility | neighbourhood-renewal community-cohesion | local-voice | Neighbourhood |
O {ward} Neighbourhood Forum :: To give residents of {ward} a say on local services and agree the neighbourhood action plan
E {ward} Residents' Voice :: A place for people in {ward} to raise what bothers them and see it sorted
T {ward} NF :: ward plan
P {ward} Area Panel :: Ward councillors and residents deciding how to spend the {ward} devolved budget

@neighbourhood-management | facility | neighbourhood-renewal | neighbourhood-management | Neighbourhood management | housing-assoc
O {ward} Neighbourhood Management Board :: To improve services in {ward} through a neighbourhood manager working with residents, police, housing and the council
E {ward} Neighbourhood Partnership :: Residents and agencies working together to make {ward} a better place to live
T {ward} NM Bd :: NM pathfinder
P {ward} New Deal for Communities Board :: The ten-year NDC programme to transform {ward}

@friends-of-park | facility | environment culture-leisure | parks-local | Park | parks-forum groundwork
O Friends of {ward} Park :: To work with the council to improve and look after {ward} Park and organise events and volunteering
E {ward} Park Users Group :: People who use {ward} Park meeting to keep it clean, safe and well used
T {ward} Park Grp :: mgmt plan; volunteers
P {ward} Park Green Flag Group :: Preparing the management plan and Green Flag application for {ward} Park

@estate-board | facility | housing | estate | Estate | housing-assoc tenants-fed
O {ward} Estate Management Board :: To give tenants on the {ward} estate a say in housing management, repairs and environmental improvements
E {ward} Estate Forum :: Tenants on the {ward} estate getting repairs done and the estate kept tidy
T {ward} EMB :: estate inspections
P {ward} Estate Regeneration Steering Group :: Residents and the landlord planning the refurbishment of the {ward} estate

@youth-centre | facility | children-young-people | youth-local | Youth centre | ymca
O {ward} Youth Centre Management Committee :: To oversee the {ward} youth centre's programme, staffing and finances and involve young people in running it
E {ward} Youth Project Steering Group :: Youth workers, parents and young people keeping the {ward} youth club going
T {ward} Youth Cttee :: sessions; volunteers
P {ward} Young People's Centre Board :: Runs the {ward} centre's open-access youth work and targeted support

@parish-plan | facility | community-cohesion | local-plan | Parish plan |
O {ward} Parish Plan Steering Group :: To consult the residents of {ward} and prepare the parish plan and its action plan
E {ward} Village Voices Group :: Villagers deciding what {ward} needs over the next ten years
T {ward} Parish Plan Grp :: survey; action plan
P {ward} Neighbourhood Plan Group :: Preparing the {ward} neighbourhood development plan under the Localism Act 2011
`;
