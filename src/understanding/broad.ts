/**
 * The broadest question of all: "how can I go to Germany legally?", "to phir sahi tareeqa kya
 * hai", "kifach nmchi l almania b tari9a 9anounia", "wie komme ich legal nach Deutschland". No one
 * entry answers it (there are many routes), so the knowledge base finds only loose neighbours; the
 * person needs the regular ways laid out to pick from, not "not sure" or three unrelated topics.
 * Asked only after the knowledge base found no answer, or only a loose one (below the low-confidence bar).
 *
 *   asksForRegularWays('ok how do i go legally') // true
 *   asksForRegularWays('how can i go to germany') // true
 *   asksForRegularWays('germany mein mausam kaisa hai') // false: no going, no legal way
 */
import { phraseSet, words } from './phrases.js';

/** A legal, right, safe or official way. */
const LEGAL_WAY = phraseSet([
  'legal', 'legally', 'legaly', 'legit', 'legitimate', 'lawful', 'lawfully', 'right way', 'proper way', 'correct way', 'safe way', 'safe ways', 'official way', 'regular way', 'regular ways', 'regular route', 'regular routes', 'legal way', 'legal ways', 'legal route', 'legal routes', 'straight way', 'good way', 'genuine way',
  'legale', 'legalement', 'legalment', 'legales', 'bonne facon', 'bonne maniere', 'bonne voie', 'voie legale', 'voies legales', 'moyen legal', 'regulier', 'reguliere', 'regulierement', 'officiel', 'officielle', 'officiellement', 'en regle',
  'قانوني', 'قانونيه', 'قانونيا', 'بطريقه قانونيه', 'الطريقه الصحيحه', 'طريقه صحيحه', 'الطريق الصحيح', 'طريق قانوني', 'شرعي', 'شرعيه', 'بشكل قانوني', 'بشكل رسمي', 'رسمي', 'رسميه', 'نظامي', 'نظاميه', 'بطريقه نظاميه', 'الطرق القانونيه', 'الطرق النظاميه',
  '9anouni', '9anounia', '9anouniya', '9anoni', '9anonia', 'qanouni', 'qanounia', 'qanuni', 'kanouni', 'kanounia', 'chr3i', 'char3i', 'shar3i', 'b l9anoun', 'bel9anoun', 'tari9a s7i7a', 'triq s7i7a', 'tari9a 9anounia', 'triq 9anounia', 'rasmi', 'nidami',
  'qanooni', 'qanoni', 'kanooni', 'sahi tareeqa', 'sahi tareeka', 'sahi tarika', 'sahi tariqa', 'sahi tarqa', 'sahi raasta', 'sahi rasta', 'jaiz tareeqa', 'jaiz', 'legal tareeqa', 'legal tarika', 'legal tariqa', 'legal raasta', 'qanooni tareeqa', 'قانونی', 'صحیح طریقہ', 'صحیح طریقے', 'جائز', 'قانونی طریقہ', 'قانونی طریقے', 'سہی طریقہ',
  'legalen', 'legalem', 'legaler', 'legalen weg', 'richtigen weg', 'richtige weg', 'richtiger weg', 'regularen weg', 'regulare wege', 'regulär', 'offiziell', 'offiziellen weg', 'sicheren weg', 'sichere wege', 'auf legalem weg',
  'legalmente', 'forma legal', 'manera legal', 'via legal', 'vias legales', 'camino legal', 'camino correcto', 'forma correcta', 'manera correcta', 'de forma regular',
  'legalisht', 'ligjerisht', 'ligjor', 'ligjore', 'rruge legale', 'rrug legale', 'menyre legale', 'rrugen e duhur', 'rruga e duhur', 'rrugen legale', 'zyrtarisht', 'menyra e duhur',
  'legalno', 'legalan', 'legalnim', 'legalnom', 'legalni', 'zakonito', 'zakonski', 'pravi nacin', 'pravim putem', 'pravi put', 'regularno', 'regularnim', 'legalnim putem', 'na legalan nacin', 'zvanicno', 'zvanicnim putem',
  'resmi', 'jalur resmi', 'secara legal', 'secara resmi', 'cara yang benar', 'cara yg benar', 'cara benar', 'jalur legal', 'jalur yang benar', 'prosedural', 'sesuai prosedur',
]);

/** Germany, Europe or abroad as where to go, or going away itself (migrate, japa, hajar). */
const ABROAD = phraseSet([
  'germany', 'europe', 'abroad', 'overseas', 'outside the country', 'out of the country', 'migrate', 'emigrate', 'immigrate', 'migration', 'japa', 'comot',
  'allemagne', 'l allemagne', 'europe', 'l europe', 'etranger', 'l etranger', 'emigrer', 'immigrer', 'immigration',
  'المانيا', 'لالمانيا', 'اوروبا', 'لاوروبا', 'الخارج', 'للخارج', 'برا', 'بره', 'الهجره', 'اهاجر', 'نهاجر', 'هجره',
  'almania', 'almanya', 'lalmania', 'l almania', 'europa', 'l europa', 'orouba', 'lorouba', 'lkharij', 'l5arij', 'lkhārij', 'barra', 'l barra', 'nhajer', 'nhrg', 'lhij', 'lhijra',
  'bahar', 'bahir', 'baahar', 'bahar mulk', 'pardes', 'pardesh', 'جرمنی', 'باہر', 'یورپ', 'بیرون ملک', 'پردیس',
  'deutschland', 'nach deutschland', 'ausland', 'ins ausland', 'auswandern', 'einwandern', 'migrieren',
  'alemania', 'extranjero', 'el extranjero', 'emigrar', 'inmigrar',
  'gjermani', 'gjermanin', 'gjermania', 'evrope', 'evropa', 'evropen', 'jashte', 'jasht', 'emigroj', 'emigrim',
  'nemacka', 'nemacku', 'nemackoj', 'nemacke', 'njemacka', 'njemacku', 'njemackoj', 'evropu', 'evropi', 'inostranstvo', 'inostranstvu', 'inostranstva', 'preko granice', 'u beli svet',
  'jerman', 'ke jerman', 'eropa', 'ke eropa', 'luar negeri', 'ke luar negeri', 'merantau',
]);

/** Going there, working or living there (with ABROAD: "how can i go to germany", "kaise jaun germany"). */
const GO = phraseSet([
  'go', 'goin', 'going', 'travel', 'move', 'relocate', 'work', 'live', 'settle', 'reach', 'enter', 'get to', 'come to', 'migrate', 'emigrate', 'japa', 'comot', 'waka',
  'aller', 'partir', 'voyager', 'travailler', 'vivre', 'venir', 'rejoindre', 'emigrer', 'immigrer', 'installer',
  'اسافر', 'نسافر', 'السفر', 'سفر', 'اروح', 'نروح', 'اطلع', 'نطلع', 'امشي', 'نمشي', 'اشتغل', 'نشتغل', 'نخدم', 'اخدم', 'اعيش', 'نعيش', 'اهاجر', 'نهاجر', 'الهجره', 'اوصل', 'نوصل', 'ادخل', 'روح', 'سافر',
  'nmchi', 'nemchi', 'nemshi', 'nsafer', 'nsefer', 'nsafr', 'nrou7', 'nro7', 'ro7', 'aro7', 'asafer', 'nkhdem', 'nekhdem', 'nkhdm', 'n5dem', 'ashtaghal', 'nishtghel', 'nhajer', 'nhrg', 'nharag', 'n3ich', 'nwsel', 'nousel', 'ntl3', 'nokhrej',
  'jana', 'jaana', 'jane', 'jaane', 'jaun', 'jaon', 'jaoon', 'jaon ga', 'jaa', 'ja sakta', 'ja sakte', 'ja sakti', 'jaya', 'jaaye', 'kaam', 'kam karna', 'naukri', 'rehna', 'settle', 'pohanchna', 'جانا', 'جاؤں', 'جا سکتا', 'جا سکتے', 'کام', 'رہنا',
  'gehen', 'kommen', 'komme', 'komm', 'hinkommen', 'reisen', 'arbeiten', 'leben', 'auswandern', 'einwandern', 'ziehen', 'umziehen', 'einreisen',
  'ir', 'irme', 'viajar', 'trabajar', 'vivir', 'emigrar', 'mudarme', 'llegar', 'entrar',
  'shkoj', 'shkojm', 'te shkoj', 'me shku', 'me shkue', 'iki', 'me ik', 'udhetoj', 'punoj', 'me punu', 'jetoj', 'emigroj', 'hyj',
  'odem', 'otici', 'otic', 'idem', 'ici', 'putujem', 'putovati', 'radim', 'raditi', 'radio', 'ziveti', 'zivim', 'preselim', 'preseliti', 'uci', 'dodjem', 'dodem', 'doci',
  'pergi', 'ke', 'berangkat', 'kerja', 'bekerja', 'tinggal', 'pindah', 'masuk', 'merantau', 'sampai',
]);

/** Wanting to go is asking the way too: "i want to go to germany", "bghit nmchi l almania", "mujhe germany jana hai". */
const WANT = phraseSet([
  'i want', 'i wan', 'i wanna', 'i would like', 'i like to', 'i need to', 'my dream', 'planning to', 'plan to',
  'je veux', 'je voudrais', 'j aimerais', 'je souhaite', 'mon reve',
  'اريد', 'أريد', 'بدي', 'ابغى', 'ابي', 'عايز', 'عاوز', 'بغيت', 'نبغي', 'حابب', 'ودي', 'اتمنى',
  'bghit', 'bghina', 'nebghi', 'nheb', 'n7eb', 'baddi', 'bade', '3ayez', '3awez', 'abgha', 'hab', 'kanbghi',
  'mujhe', 'mujay', 'mujhy', 'main chahta', 'mein chahta', 'chahta hoon', 'chahta hun', 'chahti', 'iraada', 'مجھے', 'چاہتا', 'چاہتی',
  'ich will', 'ich mochte', 'ich moechte', 'ich wurde gern', 'mein traum', 'ich plane',
  'quiero', 'quisiera', 'me gustaria', 'deseo', 'mi sueno',
  'dua', 'dua te', 'dua me', 'deshiroj', 'kam ndermend', 'enderroj',
  'zelim', 'hocu', 'htela bih', 'hteo bih', 'voleo bih', 'planiram', 'sanjam',
  'mau', 'ingin', 'pengen', 'pingin', 'pengin', 'rencana', 'berencana', 'cita cita',
]);

/** Not migrating: a holiday, a visit, a pilgrimage (out of scope, declined as such). */
const NOT_MIGRATION = phraseSet([
  'holiday', 'holidays', 'vacation', 'tourist', 'tourism', 'visit', 'visiting', 'trip', 'sightseeing', 'umrah', 'umra', 'hajj', 'honeymoon', 'football', 'match', 'weather', 'mausam',
  'vacances', 'touriste', 'tourisme', 'visiter', 'visite', 'voyage de noces',
  'سياحه', 'سياحيه', 'عطله', 'زياره', 'عمره', 'حج', 'جو', 'الطقس',
  'urlaub', 'besuch', 'besuchen', 'tourist', 'reise', 'wetter',
  'vacaciones', 'turismo', 'turista', 'visitar', 'clima',
  'pushime', 'turist', 'vizite', 'vizitoj', 'moti',
  'odmor', 'turista', 'turisticki', 'posetim', 'posetiti', 'vreme', 'letovanje',
  'liburan', 'wisata', 'jalan jalan', 'berkunjung', 'umroh', 'haji', 'cuaca',
]);

/** What is checked rather than a way asked for: "how do I know this agent is legal" is about the agent. */
const CHECKING = phraseSet([
  'agent', 'agents', 'agency', 'agence', 'agenzia', 'ajans', 'ايجنت', 'وكيل', 'وكاله', 'مكتب', 'ایجنٹ', 'agen', 'calo', 'sponsor', 'offer', 'offre', 'angebot', 'oferta', 'oferte', 'ponuda', 'tawaran', 'contract', 'contrat', 'vertrag', 'contrato', 'kontrate', 'ugovor', 'kontrak', 'عقد', 'کنٹریکٹ', 'fake', 'faux', 'scam', 'arnaque', 'betrug',
]);

/** The question asks how: without it "legal" alone ("is this agent legal?") is a different question. */
const HOW = phraseSet([
  'how', 'wetin', 'what way', 'which way', 'which ways', 'what ways', 'how i fit', 'wetin be the way', 'what is the right', 'whats the right', 'options', 'possibilities',
  'comment', 'comment faire', 'quelle', 'quelles', 'quel', 'moyen', 'moyens', 'possibilite', 'possibilites',
  'كيف', 'كيفاش', 'كيفش', 'ازاي', 'شلون', 'ما هي', 'ماهي', 'شنو', 'اشنو', 'شنهي', 'شنيه', 'طريقه', 'الطريقه', 'الطرق', 'طرق',
  'kifach', 'kifash', 'kifch', 'kifech', 'kifah', 'ezay', 'izay', 'ezzay', 'shlon', 'chlon', 'chno', 'achno', 'chnou', 'chnahiya', 'chnoua', 'tari9a', 'triq',
  'kaise', 'kese', 'kaisay', 'kesay', 'kaisy', 'kya hai', 'kia hai', 'kya hain', 'tareeqa', 'tareeka', 'tarika', 'tariqa', 'raasta', 'rasta', 'کیسے', 'کیا', 'طریقہ',
  'wie', 'wie kann', 'welche', 'welcher', 'moglichkeiten', 'moglichkeit', 'weg', 'wege',
  'como', 'cual', 'cuales', 'opciones', 'forma', 'manera', 'camino',
  'si mund', 'si mundem', 'si te', 'si me', 'si bahet', 'cila', 'cilat', 'menyre', 'menyra', 'rruge', 'rruga', 'mundesi', 'mundesite',
  'kako', 'koji', 'koje', 'nacin', 'nacini', 'mogucnosti',
  'bagaimana', 'gimana', 'gmn', 'caranya', 'cara', 'jalur', 'apa saja',
]);

/**
 * The strong form: the legal way asked for in so many words ("comment aller en allemagne legalement").
 * Then even an entry found only loosely (a route, a programme) serves less well than the ways to pick from.
 */
export function asksForTheLegalWay(text: string): boolean {
  const tokens = words(text);
  if (!tokens.length || tokens.length > 25 || NOT_MIGRATION.has(tokens)) return false;
  return LEGAL_WAY.has(tokens) && HOW.has(tokens) && !CHECKING.has(tokens);
}

export function asksForRegularWays(text: string): boolean {
  const tokens = words(text);
  if (!tokens.length || tokens.length > 25) return false;
  const legal = LEGAL_WAY.has(tokens);
  // "what is the right way then" after an agent's offer: the legal way is the question, going is understood.
  if (NOT_MIGRATION.has(tokens)) return false;
  if (legal && HOW.has(tokens) && !CHECKING.has(tokens)) return true;
  // "how can i go to germany", "i want to go abroad": going asked as a how or a wish, nothing more specific found.
  return (HOW.has(tokens) || WANT.has(tokens)) && ABROAD.has(tokens) && GO.has(tokens) && tokens.length <= 12;
}
