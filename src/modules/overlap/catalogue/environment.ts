/** Environment and transport (format: kinds.ts). */
export const ENVIRONMENT = `
@environment-partnership | thematic | environment | env-core | Environment | environment-agency groundwork wildlife-trust natural-england
O Environment Partnership :: To deliver the environmental priorities of the community strategy: a cleaner, greener district and action on climate change
E Greener {place} :: Making {place} cleaner, greener and ready for a changing climate
T Env Ptnrshp :: LA21; env strategy
P Local Agenda 21 Forum :: Community and business groups promoting sustainable development under Local Agenda 21

@climate-change | topic | environment | climate | Climate | environment-agency energy-advice university groundwork
O Climate Change Partnership :: To reduce per capita carbon dioxide emissions in the area (NI 186) and plan to adapt to climate change (NI 188)
E Carbon Cutters Network :: Residents, businesses and schools working to cut carbon and get ready for hotter summers and wetter winters
T CC Grp :: NI 186/188; LCLIP
P Net Zero {place} Board :: Delivers the climate emergency action plan towards net zero by 2030

@carbon-management | topic | environment | climate | Carbon | university acute-trust
O Public Sector Carbon Management Group :: To reduce carbon emissions from partners' own buildings, fleets and streetlights (NI 185)
E Greening Our Estates Group :: Council, NHS and police cutting the energy used in their own offices, vehicles and depots
T LACM Grp :: NI 185; CRC
P Salix Energy Efficiency Fund Board :: Approves invest-to-save energy projects in public buildings

@waste | topic | environment | waste | Recycling | waste-contractor groundwork
O Waste Partnership :: To reduce residual household waste (NI 191) and increase the share reused, recycled and composted (NI 192)
E Recycle More Group :: Getting people to use their recycling boxes and food caddies and throw less away
T Waste Grp :: NI 191/192/193; JMWMS
P Joint Municipal Waste Management Strategy Board :: Agrees the joint strategy of the collection and disposal authorities and the waste PFI contract

@street-cleansing | topic | environment | waste | Cleansing | waste-contractor groundwork bid
O Street Scene Partnership :: To improve street and environmental cleanliness, reducing litter, detritus, graffiti and fly-posting (NI 195)
E Clean and Green Group :: Cleaner streets, parks and alleyways: more bins, faster graffiti removal and community litter picks
T Street Scene Grp :: NI 195; LEQ surveys
P Love Where You Live Campaign Group :: Runs the community clean-up days and the litter-free schools programme

@fly-tipping | topic | environment community-safety | waste | Fly-tipping | environment-agency housing-assoc
O Environmental Crime Enforcement Group :: To tackle fly-tipping (NI 196), dog fouling, littering and abandoned vehicles through joint enforcement and prosecution
E Dumping Stops Here Group :: Catching and fining people who dump rubbish in alleys, lay-bys and fields
T Env Crime Grp :: FPNs; NI 196; Flycapture
P Operation Clean Sweep Steering Group :: Joint days of action stopping and checking waste carriers

@air-quality | topic | environment health-wellbeing transport | air | Air quality | hpa environment-agency
O Air Quality Steering Group :: To improve air quality in the air quality management areas and meet the national objectives for nitrogen dioxide and particles
E Clean Air Group :: Cutting traffic fumes on the busy roads where people live and children walk to school
T AQ Grp :: AQMAs; NO2; ASR
P Clean Air Zone Project Board :: Plans the charging zone and grants for cleaner vehicles

@flood | topic | environment resilience | water | Flooding | environment-agency water-company
O Flood Risk Management Partnership :: To manage flood risk from rivers, surface water and groundwater, in line with the Flood and Water Management Act 2010 (NI 189)
E Flood Action Group :: Residents, the Environment Agency and the council working so that homes don't flood again
T FRM Grp :: LFRMS; s19 reports
P Property Flood Resilience Scheme Board :: Grants for flood doors, barriers and non-return valves for homes at risk

@water-catchment | topic | environment | water | Rivers | environment-agency water-company wildlife-trust nfu
O Catchment Partnership :: To improve water quality and habitats in the river catchment under the Water Framework Directive
E Friends of the River Group :: Anglers, farmers and volunteers cleaning up the river and bringing back wildlife
T Catchment Grp :: WFD status; diffuse pollution
P Catchment Sensitive Farming Steering Group :: Advice and grants for farmers to reduce pollution running off fields

@biodiversity | topic | environment | nature | Biodiversity | wildlife-trust natural-england environment-agency
O Biodiversity Partnership :: To deliver the local biodiversity action plan and improve the condition of local wildlife sites (NI 197)
E Wildlife Network :: Protecting the hedgerows, ponds, meadows and woods where wildlife lives, and getting people to enjoy them
T BAP Grp :: LBAP; NI 197; LWS
P Local Nature Recovery Strategy Board :: Maps priorities for nature recovery and net gain across the area

@parks | topic | environment culture-leisure | green-space | Parks | parks-forum groundwork
O Parks and Green Spaces Strategy Group :: To improve the quality of parks and open spaces and achieve Green Flag status for the main parks
E Parks Friends Network :: Volunteers and the council looking after local parks, planting, and running events
T Green Space Grp :: Green Flag; PPG17
P Parks for People Project Board :: Manages the lottery-funded restoration of the Victorian park

@allotments | topic | environment health-wellbeing | green-space | Allotments | allotment-society
O Allotments Strategy Group :: To manage and expand allotment provision and reduce the waiting list
E Grow Your Own Network :: Plot holders, community gardens and schools growing food together
T Allotments Grp :: waiting list; plot rents
P Community Growing Project Board :: Sets up community gardens and orchards on spare land on the estates

@countryside | topic | environment culture-leisure transport | countryside | Countryside | natural-england ramblers nfu
O Countryside and Rights of Way Partnership :: To manage the countryside and the rights of way network and improve access for walkers, riders and cyclists
E Paths and Countryside Group :: Keeping footpaths open and signposted and helping people enjoy the countryside
T ROWIP Grp :: ROWIP; PROW
P Local Access Forum :: Statutory advisory forum on improving public access to land for open-air recreation

@fairtrade | topic | environment community-cohesion | fair | Fairtrade | churches traders
O Fairtrade Steering Group :: To win and renew Fairtrade Zone status by increasing the use of Fairtrade products by shops, cafés, workplaces and schools
E Fair Trade Town Group :: Churches, shops and schools encouraging everyone to buy fairly traded tea, coffee and bananas
T FT Grp :: FT town status; fortnight
P Fairtrade Fortnight Organising Committee :: Organises the annual stalls, tastings and school assemblies

@in-bloom | topic | environment culture-leisure | civic-pride | Bloom | civic-society traders
O In Bloom Committee :: To organise the town's entry to the regional and national Britain in Bloom competitions
E Blooming {place} Group :: Hanging baskets, planters and volunteers making the town look its best
T Bloom Cttee :: RHS judging; baskets
P It's Your Neighbourhood Scheme :: Supports community groups looking after small green spaces

@community-energy | topic | environment economy-regeneration | energy | Community energy | groundwork energy-advice rcc
O Community Energy Partnership :: To support community-owned renewable energy schemes such as solar roofs, hydro and wind
E Power to the People Group :: Residents raising money to put solar panels on schools and village halls and sharing the savings
T Comm Energy Grp :: share offers; FiTs
P Rural Community Energy Fund Board :: Grants for feasibility studies for village renewable projects

@transport-partnership | thematic | transport | transport-core | Transport | bus-operator highways rail
O Transport Partnership :: To improve access to jobs, services and education by public transport, walking and cycling (NI 175) and tackle congestion (NI 167)
E Getting Around {place} :: Better buses, safer roads and easier walking and cycling for everyone
T LTP Grp :: LTP3; capital programme
P Local Transport Plan Steering Group :: Prepares the five-year local transport plan and monitors its targets

@road-safety | topic | transport community-safety | roads | Road safety | fire highways
O Road Safety Partnership :: To reduce the number of people killed or seriously injured on the roads (NI 47), and child casualties (NI 48), through education, engineering and enforcement
E Safer Roads Group :: Fewer crashes: speed checks, crossings outside schools and training for young and older drivers
T RSP :: KSIs; casualty reduction
P Safety Camera Partnership :: Operates fixed and mobile speed cameras and the speed awareness courses

@buses | topic | transport | public-transport | Buses | bus-operator bus-users
O Quality Bus Partnership :: To improve bus punctuality and passenger numbers (NI 177, NI 178) through bus priority, new vehicles and better information
E Bus Users' Forum :: Passengers, drivers and the bus company talking about routes, timetables and fares
T QBP :: punctuality; patronage
P Enhanced Partnership Board :: Statutory bus partnership under the Bus Services Act 2017: priority measures, fares and network planning

@rural-transport | topic | transport | public-transport | Rural transport | rcc bus-operator
O Rural Transport Partnership :: To improve public transport in rural areas, including demand-responsive services and community bus schemes for villages
E Village Buses Group :: Keeping villages connected to the towns when commercial services are cut
T RTP :: DRT; rural bus grant
P Wheels to Work Scheme Board :: Loans mopeds and bikes to young people in the villages who cannot get to work or college

@community-transport | topic | transport older-people | accessible-transport | Community transport | community-transport age-uk disability-forum
O Community Transport Partnership :: To develop dial-a-ride, community car schemes and accessible minibuses for people who cannot use ordinary buses
E Door to Door Transport Group :: Getting older and disabled people to the shops, the hospital and day centres when there is no bus
T CT Grp :: dial-a-ride; s19 permits
P Total Transport Pilot Board :: Pools council, NHS and school transport vehicles to run more community routes

@cycling-walking | topic | transport health-wellbeing | active-travel | Cycling | cycle-forum ramblers
O Cycling and Walking Partnership :: To increase everyday cycling and walking through new routes, cycle parking and training
E Pedal and Stride Group :: Making it safer and easier to cycle and walk to work, to school and to the shops
T Active Travel Grp :: LCWIP; counts
P Cycling Demonstration Town Board :: Spends the demonstration town grant on routes, Bikeability and promotion

@school-travel | topic | transport education | active-travel | School travel | cycle-forum
O School Travel Plan Group :: To reduce car use on the journey to school (NI 198) through school travel plans, safer routes and walking buses
E Walk to School Group :: Helping children walk, scoot and cycle to school safely
T STP Grp :: NI 198; mode share
P Safer Routes to School Programme :: Engineering schemes and crossings on the routes children take each morning

@parking | topic | transport economy-regeneration | parking | Parking | traders
O Parking Strategy Group :: To manage on-street and off-street parking, civil parking enforcement and residents' parking schemes
E Car Parks and Parking Group :: Enough spaces for shoppers and residents, and sorting out people who park where they shouldn't
T Parking Grp :: CPE; RPZs; tariffs
P Park and Ride Project Board :: Plans and opens the park and ride site and its bus service

@rail | topic | transport | rail | Rail | rail
O Community Rail Partnership :: To increase use of the local railway line and improve its stations through volunteers, promotion and community art
E Friends of the Line Group :: Station adopters and passengers promoting the line and keeping the stations welcoming
T CRP :: ridership; station adoption
P Station Improvement Project Board :: Manages the access-for-all upgrade and the new interchange at the main station

@travel-plans | topic | transport environment | congestion | Travel plans | chamber acute-trust university bus-operator
O Workplace Travel Plan Network :: To reduce car commuting to large workplaces through travel plans, car sharing and discounted bus tickets
E Smarter Commute Group :: Big employers helping staff get to work without driving on their own
T Travel Plan Grp :: car share; SOV %
P Sustainable Travel Towns Programme :: Personal travel planning and incentives for households and businesses to use cars less
`;
