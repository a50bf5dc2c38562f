// Common English words (base forms) and domain words: typo correction never rewrites a word found here,
// so a real word the library lacks ("contact") is not turned into a library word ("contract").

const COMMON =
  // a-b
  'able ability about above absence absent absolute absorb abstract abuse academic academy accent accept acceptance ' +
  'access accident accompany accomplish according account accountant accuracy accurate accuse achieve achievement ' +
  'acknowledge acquire acquisition across act action active activity actor actual actually adapt add addition ' +
  'additional address adequate adjust adjustment administer administration administrator admire admission admit ' +
  'adopt adult advance advanced advantage adventure advertise advertisement advice advise adviser advisor advocate ' +
  'affair affect afford afraid after afternoon afterwards again against age agency agenda agent aggregate aggressive ' +
  'agree agreement ahead aid aim air aircraft airline airport alarm album alcohol alert alien align alignment alike ' +
  'alive allocate allocation allow allowance ally almost alone along already alright also alter alternative although ' +
  'altogether always amazing ambition ambulance amend amendment among amount analyse analysis analyst analyze ancient ' +
  'anger angle angry animal announce announcement annoy annual another answer anticipate anxiety anxious anybody ' +
  'anymore anyone anything anyway anywhere apart apartment apologize apology apparent apparently appeal appear ' +
  'appearance apple applicant application apply appoint appointment appreciate approach appropriate approval approve ' +
  'approximately architect architecture area argue argument arise arm army around arrange arrangement arrest arrival ' +
  'arrive arrow art article artificial artist aside ask asleep aspect assemble assembly assert assess assessment asset ' +
  'assign assignment assist assistance assistant associate association assume assumption assure attach attachment ' +
  'attack attempt attend attendance attention attitude attorney attract attraction attractive attribute audience ' +
  'author authority automatic automatically automate automation available average avoid await award aware awareness ' +
  'away awful background backup backward badly bag balance ball ban band bank bar barely barrier base basic basically ' +
  'basis basket bath battery battle beach bear beat beautiful beauty because become bed bedroom beer before begin ' +
  'beginning behalf behave behavior behaviour behind belief believe bell belong below belt bench bend beneath benefit ' +
  'beside besides best better between beyond bicycle bid big bill billion bind biology bird birth birthday bit bite ' +
  'bitter black blame blank blind block blood blow blue board boat body boil bold bomb bond bone bonus book boost boot ' +
  'border boring born borrow boss both bother bottle bottom bound boundary bowl box boy brain branch brand brave bread ' +
  'break breakfast breath breathe brick bridge brief briefly bright brilliant bring broad broadcast broken brother ' +
  'brown browse browser brush budget bug build builder building bulk bullet bunch burden burn burst bury bus business ' +
  'busy butter button buy buyer cabinet cable cake calculate calculation calendar call calm camera camp campaign ' +
  // c-d
  'campus cancel cancer candidate cap capability capable capacity capital captain capture car carbon card care career ' +
  'careful carefully carry case cash cast castle casual cat catalog catalogue catch category cause caution cease ' +
  'ceiling celebrate cell center central centre century ceremony certain certainly chain chair chairman challenge ' +
  'champion chance change channel chapter character characteristic charge charity chart chase chat cheap check cheese ' +
  'chemical chest chicken chief child childhood chip chocolate choice choose church cigarette cinema circle ' +
  'circumstance citizen city civil claim class classic classroom clean clear clearly clerk click client climate climb ' +
  'clinic clinical clock close closely clothes cloud club clue cluster coach coal coast coat code coffee cognitive ' +
  'coin cold collapse colleague collect collection collective college colour color column combination combine come ' +
  'comedy comfort comfortable command comment commercial commission commit commitment committee common communicate ' +
  'communication community companion company comparable compare comparison compete competition competitive competitor ' +
  'complain complaint complete completely complex complexity complicated component compose composition comprehensive ' +
  'comprise compromise compute computer concentrate concentration concept concern concerned concert conclude ' +
  'conclusion concrete condition conduct conference confidence confident confirm conflict confront confuse confusion ' +
  'congress connect connection conscious consensus consent consequence conservative consider considerable ' +
  'consideration consist consistent constant constantly constitute construct construction consult consultant consume ' +
  'consumer consumption contact contain container contemporary content contest context continent continue contract ' +
  'contrast contribute contribution control controversial convenient convention conversation convert convince cook ' +
  'cookie cool cooperate copy core corner corporate correct correctly cost cottage cotton could council count counter ' +
  'country county couple courage course court cousin cover coverage crack craft crash crazy cream create creation ' +
  'creative creature credit crew crime criminal crisis criterion critic critical criticism criticize crop cross crowd ' +
  'crucial cruel crush cry cultural culture cup cure curious currency current currently curriculum curtain curve ' +
  'custom customer cut cycle daily damage dance danger dangerous dare dark dashboard date daughter dawn day dead deadline ' +
  'deal dealer dear death debate debt decade decent decide decision deck declare decline decorate decrease dedicate ' +
  'deep deeply defeat defence defense defend deficit define definitely definition degree delay delegate deliberate ' +
  'delicate delight deliver delivery demand democracy democratic demonstrate deny department departure depend ' +
  'dependent deploy deployment deposit depression depth deputy derive describe desert deserve design designer desire ' +
  'desk desktop desperate despite destination destroy detail detailed detect detection detective determine develop ' +
  'developer development device devote diagram dialogue diamond diary dictionary differ difference different ' +
  'difficult difficulty digital dimension dinner direct direction directly director directory dirt dirty disability ' +
  'disagree disappear disaster discipline disclose disclosure discount discover discovery discrimination discuss ' +
  'discussion disease dish dismiss display dispute distance distant distinct distinction distinguish distribute ' +
  'distribution district disturb diverse diversity divide division divorce doctor document documentation dog domain ' +
  'domestic dominant dominate door double doubt down download dozen draft drag drama dramatic draw drawer drawing ' +
  'dream dress drink drive driver drop drug dry due dull during dust duty dynamic ' +
  // e-g
  'each eager ear early earn earth ease easily east eastern easy eat economic economy edge edit edition editor educate ' +
  'education effect effective effectively efficiency efficient effort egg either elderly elect election electric ' +
  'electricity electronic element elevator eligible eliminate else elsewhere email embrace emerge emergency emotion ' +
  'emotional emphasis emphasize empire employ employee employer employment empty enable encounter encourage end ' +
  'enemy energy engage engagement engine engineer engineering enhance enjoy enormous enough enquiry enroll ensure ' +
  'enter enterprise entertain entertainment enthusiasm entire entirely entitle entrance entry envelope environment ' +
  'environmental episode equal equally equipment equivalent era error escape especially essay essential establish ' +
  'estate estimate ethical ethics ethnic evaluate evaluation even evening event eventually ever every everybody ' +
  'everyday everyone everything everywhere evidence evil evolution evolve exact exactly exam examination examine ' +
  'example exceed excellent except exception exchange excite excitement exciting exclude exclusive excuse execute ' +
  'executive exercise exhibit exhibition exist existence existing exit expand expansion expect expectation expense ' +
  'expensive experience experiment expert expertise explain explanation explicit explode exploit explore explosion ' +
  'export expose exposure express expression extend extension extensive extent external extra extraordinary extreme ' +
  'extremely eye face facilitate facility fact factor factory fail failure fair fairly faith fall false familiar family ' +
  'famous fan fancy fantastic far farm farmer fashion fast fat fate father fault favor favour favourite favorite fear ' +
  'feature federal fee feed feedback feel feeling fellow female fence festival few fiction field fight figure file fill ' +
  'film filter final finally finance financial find finding fine finger finish fire firm first fish fit fitness fix ' +
  'fixed flag flat flavor flight float floor flow flower fly focus fold folder folk follow following food foot football ' +
  'force foreign forest forever forget forgive form formal format former formula forth fortune forum forward found ' +
  'foundation founder fraction frame framework free freedom freeze frequency frequent frequently fresh friend friendly ' +
  'friendship frighten front fruit frustrate fuel full fully fun function functional fund fundamental funding funny ' +
  'furniture further future gain gallery game gap garage garden gas gate gather gay gender gene general generally ' +
  'generate generation generous gentle gentleman genuine gesture get ghost giant gift girl give glad glance glass ' +
  'global glove goal god gold golden golf good goods govern government governor grab grade gradually graduate grain ' +
  'grand grandfather grandmother grant graph graphic grass grateful grave great green greet grey gray grocery gross ' +
  'ground group grow growth guarantee guard guess guest guidance guide guideline guilty guitar gun guy ' +
  // h-l
  'habit hair half hall hand handle hang happen happy hard hardly hardware harm hat hate have head headline ' +
  'headquarters health healthy hear hearing heart heat heaven heavy height hello help helpful hence here heritage hero ' +
  'hesitate hidden hide high highlight highly highway hill hire historian historic historical history hit hold hole ' +
  'holiday hollow holy home homework honest honour honor hope horizon horrible horror horse hospital host hostile hot ' +
  'hotel hour house household housing however huge human humor humour hungry hunt hurry hurt husband ice idea ideal ' +
  'identical identify identity ignore ill illegal illness illustrate image imagination imagine immediate immediately ' +
  'immigrant impact implement implication imply import importance important impose impossible impress impression ' +
  'impressive improve improvement incentive inch incident include income incorporate increase increasingly incredible ' +
  'indeed independent index indicate indication indicator individual indoor industrial industry inevitable infant ' +
  'infection inflation influence inform information infrastructure ingredient inherit initial initially initiative ' +
  'injury inner innocent innovation input inquiry insect insert inside insider insight insist inspect inspection ' +
  'inspector inspire install installation instance instant instead institute institution instruction instrument ' +
  'insurance intake integrate integration integrity intellectual intelligence intend intense intention interact ' +
  'interaction interest interesting interface internal international internet interpret interpretation interrupt ' +
  'interval intervention interview introduce introduction invest investigate investigation investment investor ' +
  'invitation invite invoice involve involvement iron island isolate issue item jacket job join joint joke journal ' +
  'journalist journey judge judgment judgement juice jump junior jury just justice justify keen keep key keyboard kick ' +
  'kid kill kind king kitchen knee knife knock know knowledge label labor labour laboratory lack lady lake land ' +
  'landscape language laptop large largely last late later latest latter laugh launch law lawyer layer lead leader ' +
  'leadership leaf league lean learn learning lease least leather leave lecture left leg legacy legal legend ' +
  'legislation legitimate leisure lend length less lesson letter level liability liable library licence license lie ' +
  'life lifestyle lifetime lift light like likely limit limitation limited line link lip liquid list listen literally ' +
  'literature little live lively living load loan local locate location lock log logic logical lonely long look loose ' +
  'lord lose loss lost lot loud love lovely low lower loyal luck lucky lunch luxury ' +
  // m-p
  'machine mad magazine magic mail main mainly maintain maintenance major majority make maker male mall manage ' +
  'management manager manner manual manufacture manufacturer many map margin mark market marketing marriage married ' +
  'marry mass massive master match mate material math mathematics matter maximum may maybe mayor meal mean meaning ' +
  'meanwhile measure measurement meat mechanism media medical medicine medium meet meeting member membership memory ' +
  'mental mention menu mere merely merge mess message metal method middle midnight might migrate migration mild ' +
  'military milk million mind mine minimal minimum minister ministry minor minority minute mirror miss missing mission ' +
  'mistake mix mixture mobile mode model moderate modern modest modify module moment money monitor month monthly mood ' +
  'moral more moreover morning mortgage most mostly mother motion motivate motivation motor mount mountain mouse mouth ' +
  'move movement movie much multiple murder muscle museum music musical musician must mutual mystery myth nail name ' +
  'narrative narrow nation national native natural naturally nature navigate near nearby nearly neat necessarily ' +
  'necessary neck need negative negotiate negotiation neighbor neighbour neighborhood neither nerve nervous net ' +
  'network neutral never nevertheless new newly news newspaper next nice night nobody nod noise none normal normally ' +
  'north northern nose note nothing notice notify notion novel nowhere nuclear number numerous nurse object objective ' +
  'obligation observation observe obtain obvious obviously occasion occasionally occupation occupy occur ocean odd ' +
  'offence offense offer office officer official often oil okay old once online only onto open opening operate ' +
  'operation operational operator opinion opponent opportunity oppose opposite opposition option orange order ' +
  'ordinary organ organic organise organize orientation origin original originally other otherwise ought outcome ' +
  'outdoor outline output outside outstanding overall overcome overseas overview owe own owner ownership pace pack ' +
  'package page pain paint painting pair palace panel panic paper parent park parking parliament part participant ' +
  'participate participation particular particularly partly partner partnership party pass passage passenger passion ' +
  'passport password past patch path patient pattern pause pay payment peace peak pen penalty pension people pepper ' +
  'perceive percent percentage perception perfect perfectly perform performance perhaps period permanent permission ' +
  'permit person personal personality personally perspective persuade phase phenomenon philosophy phone photo ' +
  'photograph phrase physical physically piano pick picture piece pile pilot pink pipe pitch place plan plane planet ' +
  'planning plant plastic plate platform play player pleasant please pleasure plenty plot plus pocket poem poet poetry ' +
  'point pole police policy political politician politics poll pollution pool poor pop popular population port ' +
  'portion portrait pose position positive possess possession possibility possible possibly post pot potato potential ' +
  'pound pour poverty powder power powerful practical practice practise praise pray prayer precise precisely predict ' +
  'prediction prefer preference pregnant premise premium preparation prepare presence present presentation preserve ' +
  'president press pressure presume pretend pretty prevent previous previously price pride priest primary prime ' +
  'prince princess principal principle print prior priority prison prisoner privacy private privilege prize probably ' +
  'problem procedure proceed process produce producer product production profession professional professor profile ' +
  'profit program programme progress project promise promote promotion prompt proof proper properly property ' +
  'proportion proposal propose prospect protect protection protest proud prove provide provider province provision ' +
  'psychology public publication publicly publish pull punch punish purchase pure purple purpose pursue push put ' +
  // q-s
  'qualify quality quantity quarter queen query quest question queue quick quickly quiet quit quite quote race racial ' +
  'radical radio rail rain raise range rank rapid rapidly rare rarely rate rather rating ratio raw reach react reaction ' +
  'read reader reading ready real reality realize realise really reason reasonable recall receipt receive recent ' +
  'recently reception recipe recognise recognize recommend recommendation record recover recovery recruit reduce ' +
  'reduction refer reference reflect reflection reform refuse regard regarding regardless regime region regional ' +
  'register regular regularly regulate regulation reject relate relation relationship relative relatively relax ' +
  'release relevant reliable relief religion religious rely remain remaining remark remarkable remember remind remote ' +
  'remove rent repair repeat replace replacement reply report reporter represent representation representative ' +
  'reputation request require requirement rescue research researcher reserve resident resign resist resistance ' +
  'resolution resolve resort resource respect respond response responsibility responsible rest restaurant restore ' +
  'restrict restriction result retain retire retirement return reveal revenue reverse review revolution reward rhythm ' +
  'rice rich rid ride right ring rise risk river road rock role roll romantic roof room root rope rough round route ' +
  'routine row royal rubbish rude ruin rule run rural rush sad safe safety sail salad salary sale salt same sample sand ' +
  'satisfaction satisfy sauce save saving scale scandal scene schedule scheme scholar school science scientific ' +
  'scientist scope score screen script sea search season seat second secondary secret secretary section sector secure ' +
  'security see seed seek seem segment seize select selection self sell seller send senior sense sensitive sentence ' +
  'separate sequence series serious seriously servant serve server service session set setting settle settlement ' +
  'several severe sexual shade shadow shake shall shallow shame shape share sharp shed sheet shelf shell shelter shift ' +
  'shine ship shirt shock shoe shoot shop shopping shore short shortly shot should shoulder shout show shower shut ' +
  'sick side sight sign signal signature significant significantly silence silent silly silver similar similarly ' +
  'simple simply since sing singer single sink sister site situation size skill skin sky sleep slice slide slight ' +
  'slightly slip slow slowly small smart smell smile smoke smooth snow social society soft software soil soldier solid ' +
  'solution solve somebody somehow someone something sometimes somewhat somewhere son song soon sorry sort soul sound ' +
  'soup source south southern space spare speak speaker special specialist species specific specifically speech speed ' +
  'spell spend spirit spiritual split sponsor sport spot spread spring square stable staff stage stake stand standard ' +
  'star start state statement station statistic status stay steady steal steel step stick still stock stomach stone ' +
  'stop storage store storm story straight strange stranger strategic strategy stream street strength stress stretch ' +
  'strict strike string strip stroke strong strongly structure struggle student studio study stuff stupid style ' +
  'subject submit subscribe subscription subsequent substance substantial succeed success successful such sudden ' +
  'suddenly suffer sufficient sugar suggest suggestion suit suitable summary summarise summarize summer sun super ' +
  'supply support supporter suppose sure surface surgery surprise surprising surround survey survive suspect suspend ' +
  'sustain sustainable sustainability swallow swear sweet swim swing switch symbol sympathy synchronize synchronise ' +
  // t-z
  'system table tackle tail take tale talent talk tall tank tape target task taste tax tea teach teacher teaching team ' +
  'tear technical technique technology teenager telephone television tell temperature temporary tend tendency tennis ' +
  'tension tent term terms terrible territory test text thank theatre theater theme theory therapy thereby therefore ' +
  'thick thin thing think third thirsty though thought thread threat threaten throat throughout throw thus ticket tide ' +
  'tidy tie tight time timely tiny tip tired title today together toilet tomorrow tone tongue tonight tool tooth topic ' +
  'total totally touch tough tour tourist toward towards tower town track trade tradition traditional traffic train ' +
  'trainer training transaction transfer transform transition translate transport travel treat treatment treaty tree ' +
  'trend trial trick trigger trip troop trouble truck true truly trust truth try tune turn twice twin type typical ' +
  'typically ugly ultimate ultimately unable uncle understand understanding unemployment unfortunately uniform union ' +
  'unique unit unite universal universe university unknown unless unlike unlikely unusual update upgrade upload upper ' +
  'upset urban urge urgent usage use useful user usual usually vacation valid valley valuable value van variable ' +
  'variation variety various vary vast vegetable vehicle vendor venture version versus vessel veteran victim victory ' +
  'video view viewer village violence violent virtual virtue visible vision visit visitor visual vital voice volume ' +
  'voluntary volunteer vote voter wage wait wake walk wall wallet wander want war warm warn warning wash waste watch ' +
  'water wave way weak weakness wealth weapon wear weather web website wedding week weekend weekly weigh weight ' +
  'welcome welfare well west western wet whatever wheel whenever wherever whether whilst whisper white whole whose ' +
  'wide widely wife wild willing win wind window wine wing winner winter wire wise wish withdraw witness woman wonder ' +
  'wonderful wood wooden word work worker workplace workshop world worried worry worse worst worth would wound wrap ' +
  'write writer writing wrong yard year yellow yesterday yet young youth zone ' +
  // Business and office words common in questionnaires but not security terms.
  'accountable adviser affiliate agreement annually appendix applicable approver archive assistance attendee bankruptcy ' +
  'billing brochure channel charter checklist clause collaborate collaboration commerce commission compensation ' +
  'competency concession contingency contractor corporation correspondence counsel courier credential criteria ' +
  'customize customise deliverable dependency dispatch divest dividend duration earnings eligibility enquire ' +
  'escalate escalation executive expenditure facilitator fiscal forecast franchise fulfil fulfill fulfilment ' +
  'fulfillment headcount hierarchy holding incumbent indemnify indemnity insure invoice itinerary jurisdiction ' +
  'languages leverage licensee licensor liquidity litigation logistics merger milestone mitigate negotiate nominee ' +
  'onboard onboarding outsource outsourcing overhead payroll portfolio premises pricing procurement profitability ' +
  'proprietary purchaser quarterly quotation ratify receivable recipient refund reimburse renewal resell reseller ' +
  'revenue roadmap royalty shareholder signatory stakeholder statutory subcontract subcontractor subsidiary successor ' +
  'supervisor surcharge tender tenure terminate termination testimonial turnover undertake underwrite vacancy warranty ' +
  'wholesale workflow workload';

/** Security and software words a question may use that a given library might not (never typo-corrected). */
const DOMAIN =
  'accessibility admin administrator adversary allowlist antivirus anomaly api authenticator backdoor bandwidth ' +
  'biometric blocklist botnet breach browser cache certificate checksum chatbot ciphertext cleartext cloud cluster ' +
  'compromise container cookie credential cryptographic cryptography csirt cybersecurity cyberattack database ' +
  'debugger decrypt decryption denylist deprovision ddos encrypt encryption endpoint escrow exfiltration exploit ' +
  'failover firewall firmware forensic forensics hacker hashing honeypot hostname hypervisor insider intranet ' +
  'jailbreak kernel keylogger keystore latency localhost logfile login logout malware metadata microservice ' +
  'middleware misuse multicloud offboard offboarding offsite onsite onprem outage patching payload pentest pentester ' +
  'phishing plaintext plugin privileged provisioning quarantine ransomware redundancy remediate remediation ' +
  'repository rollback rootkit runbook sandbox scalability scanner screenshot signup smishing spam spoofing spyware ' +
  'subdomain subnet subprocessor tamper telemetry timestamp tokenize trojan uptime username virtualization virus ' +
  'vishing vulnerability webhook whitelist blacklist wifi wireless workstation';

const WORDS: ReadonlySet<string> = new Set(`${COMMON} ${DOMAIN}`.split(/\s+/).filter((w) => w.length > 0));

/** Base forms a word may be an inflection of: plurals, -ed, -ing, -ly, -er/-est, with a dropped "e" or doubled consonant. */
function baseForms(word: string): string[] {
  const forms: string[] = [];
  const add = (stemmed: string) => {
    if (stemmed.length < 3) return;
    forms.push(stemmed, `${stemmed}e`);
    // "planned" -> "plan", "controlling" -> "control".
    if (/([b-df-hj-np-tv-z])\1$/.test(stemmed)) forms.push(stemmed.slice(0, -1));
  };
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ied')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ily')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  for (const suffix of ['ing', 'ed', 'er', 'ers', 'est', 'ly']) if (word.endsWith(suffix)) add(word.slice(0, -suffix.length));
  return forms;
}

/** True when the word is a common English or domain word, or a regular inflection of one. */
export function isRealWord(word: string): boolean {
  return WORDS.has(word) || baseForms(word).some((b) => WORDS.has(b));
}
