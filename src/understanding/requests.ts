/**
 * Requests are actions: "i wan book appointment for accra office", "parler à un conseiller",
 * "bghit nhder m3a chi wahed", "kisi insan se baat karwa do", "something came up, pls cancel it",
 * "en français stp", "hocu da obrisete sve sto imate o meni" — in the nine languages, Arabizi,
 * Roman Urdu and Pidgin, at any step. What is named with the request (a reference such as
 * "Y7QBSY", the language wanted) comes with it; places, days and times are read by the caller.
 *
 *   recogniseRequest('pls i want to book for the accra centre tuesday 2pm') // { kind: 'book' }
 *   recogniseRequest('mera appointment check karna hai, reference K4TQ9Z hai') // { kind: 'myAppointment', reference: 'K4TQ9Z' }
 */
import type { Lang } from '../core/lang.js';
import { endsAsQuestion } from '../core/normalize.js';
import { afterGreeting } from './courtesy.js';
import { asksOtherLanguage, languageNotUnderstood, requestedLanguage } from './language.js';
import { matchTime, namesDay } from './when.js';
import { phraseSet, sentences, words, type PhraseSet } from './phrases.js';

export type Request =
  | { kind: 'book' }
  | { kind: 'myAppointment'; reference?: string }
  /** `explicit`: the appointment itself is named ("annule le rdv", "quiero cancelar la cita", a reference), so one appointment is cancelled at once. */
  | { kind: 'cancel'; reference?: string; explicit?: true }
  | { kind: 'move'; reference?: string }
  | { kind: 'human' }
  | { kind: 'findCentre' }
  | { kind: 'language'; lang?: Lang }
  /** `help`: only help was asked for ("ich brauche Hilfe"): the menu shows what there is, but an advisor's wait is not left for it. */
  | { kind: 'menu'; help?: true }
  | { kind: 'stop' }
  | { kind: 'delete' };

export type RequestKind = Request['kind'];

/** "ngomong sm orang", "bicara dgn petugas": Indonesian's talk-to phrases with the short forms people type. */
const TALK_TO_SOMEONE_ID = ['ngomong', 'bicara', 'ngobrol'].flatMap((talk) => ['sama', 'sm', 'dengan', 'dgn', 'ama'].flatMap((to) => ['orang', 'petugas'].map((who) => `${talk} ${to} ${who}`)));

const HUMAN = phraseSet([
  ...TALK_TO_SOMEONE_ID,
  // en and Pidgin
  'speak to one of your staff', 'talk to one of your staff', 'speak to your staff', 'talk to your staff', 'speak to a staff', 'talk to a staff', 'speak with a staff', 'speak with your staff', 'staff member', 'yarn with real person', 'yarn with person', 'yarn with somebody',
  'talk to a person', 'talk to someone', 'talk to somebody', 'talk to a human', 'talk to real person', 'talk to a real person', 'talk to an advisor', 'talk to an adviser', 'talk to advisor', 'talk with someone',
  'speak to a person', 'speak to someone', 'speak with someone', 'speak to a human', 'speak with an advisor', 'speak with an adviser', 'speak to an advisor', 'speak with a person', 'speak to a real',
  'real person', 'real human', 'human being', 'a human', 'an advisor', 'an adviser', 'a counsellor', 'a counselor', 'customer care', 'customer service', 'person i wan talk', 'person wey i fit talk', 'not this robot', 'not a bot', 'not a robot', 'person abeg', 'talk with person', 'talk to person', 'talk to una person', 'talk to una people', 'talk with una person', 'make i talk to', 'make i yarn with', 'make i see person', 'speak with person', 'speak to person', 'yan with', 'yarn with', 'yan person', 'talk with human', 'speak with human',
  'connect me', 'call me', 'an operator', 'to an operator', 'the operator',
  // to be called or contacted by someone of the centre: "est ce qu une personne du centre peut me contacter?", "kann mich jemand zurückrufen?"
  'me contacter', 'me recontacter', 'me rappeler', 'm appeler', 'me joindre', 'mich anrufen', 'mich kontaktieren', 'mich zuruckrufen', 'zuruckrufen', 'zurueckrufen', 'ruft mich an', 'contactarme', 'me contacten', 'me llamen', 'llamarme',
  'hubungi saya', 'hubungin saya', 'telepon saya', 'telpon saya', 'telfon saya', 'me kontaktoni', 'me telefononi', 'me merrni ne telefon', 'kontaktirajte me', 'pozovite me', 'nazovite me', 'mujhe call kar*', 'mujhe phone kar*', 'mujhe call back', 'mujhse rabta',
  'اتصلوا بي', 'اتصلو بيا', 'كلموني', 'عيطو ليا', 'تتصلو بيا', 'ittasel biya', '3ayto liya', '3aytou lia',
  // fr
  'parler a un*', 'parler a une*', 'parler avec un*', 'parler avec une*', 'parler a quelqu un', 'parler avec quelqu un', 'un conseiller', 'une conseillere', 'un vrai', 'une vraie personne', 'un humain', 'etre humain', 'personne reelle', 'pas un robot',
  // ar
  'اكلم حد', 'اتكلم مع حد', 'اكلم احد', 'اكلم شخص', 'اتكلم مع احد', 'احكي مع احد', 'احجي ويه', 'احجي ويا', 'احچي ويه', 'احچي ويا', 'احچي وياكم', 'احجي وياكم', 'احچي ويا واحد', 'احچي ويا شخص', 'احچي ويا موظف', 'a7chi wiyah', 'a7chi wiyak', 'a7chi wiya', 'a7chi wyah', 'ah4i wiyah', 'a7ki wiyah', 'wa7ed min el markaz', 'wa7id min el markaz', 'mu robot', 'mo robot', 'mu bot', 'mo bot', 'اتكلم مع', 'اكلم موظف', 'بني ادم', 'شخص حقيقي', 'انسان حقيقي', 'موظف', 'مستشار', 'احكي مع', 'بدي احكي', 'اريد اتكلم', 'التحدث مع',
  // Darija (Latin): "bghit conseiller", "bghit mostachar", "bghit chi conseiller"
  'bghit conseiller', 'bghit chi conseiller', 'bghit mostachar', 'bghit mustachar', 'bghit chi mostachar',
  'نهضر مع', 'نهدر مع', 'نتكلم مع', 'نتكلم معا', 'شي بنادم', 'بنادم', 'ماشي روبو', 'ماشي روبوت', 'ماشي بوت', 'akalem 7ad', 'akallem 7ad', 'akalem had', 'atkalem m3 7ad', 'atkalem ma3 7ad', 'atkallem ma3 7ad', 'akalem insan', 'a7ki m3 7ad', 'a7ki ma3 7ad', 'a7ki ma3 7ada', 'a7ki m3 7ada', 'a7ki ma3 muwazzaf', 'a7ki ma3 mwazzaf', 'ahki ma3 muwazzaf', 'a7ki ma3 shakhs', 'احكي مع موظف', 'احكي مع حدا', 'احكي مع شخص', 'ahki m3 7ad', 'n7ki m3 7ad', 'msh bot', 'mesh bot', 'mish bot', 'mosh bot', 'مش بوت', 'مش روبوت', 'مش روبوط', 'nhder m3a', 'nhdr m3a', 'nahder m3a', 'nehder m3a', 'na7ki m3a', 'nahki m3a', 'n7ki m3a', 'nehki m3a', 'nhki m3a', 'نحكي مع', 'ntkellem m3a', 'ntkalem m3a', 'chi wahed', 'shi wahed', 'machi robot', 'mashi robot', 'bnadem',
  // ur (Roman and script)
  'insan se', 'insaan se', 'banday se', 'bande se', 'kisi se baat', 'kisi se bat', 'advisor se', 'adviser se', 'bot se nahi', 'baat karwa', 'bat karwa', 'baat karni hai', 'کسی انسان', 'کسی سے بات', 'بات کروا', 'مشیر', 'کسی بندے', 'بندے سے', 'کسی آدمی', 'آدمی سے بات', 'کسی شخص', 'شخص سے بات', 'انسان سے بات', 'بندے نال', 'insaan se baat', 'aadmi se baat', 'bande se baat',
  // de
  'mit einem berater', 'mit einer beraterin', 'mit einem menschen', 'mit einer person', 'mit jemandem', 'mit jemand reden', 'mit jemand sprechen', 'einen berater', 'einer beraterin', 'mit einem mitarbeiter', 'echten menschen', 'echte person', 'kein bot', 'keine ki',
  'einen menschen', 'einem menschen', 'eine mensch', 'ein mensch', 'mit eine mensch', 'mit ein mensch', 'mit einem mensch', 'mensch sprechen', 'mensch reden', 'menschen sprechen', 'menschen reden', 'person sprechen', 'person reden', 'zu einem menschen', 'einen mitarbeiter', 'eine mitarbeiterin', 'mitarbeiter bitte', 'mitarbeiter sprechen', 'personliche beratung', 'personlich beraten', 'mich anrufen', 'rufen sie mich an', 'ruft mich an', 'mit dem ich reden', 'mit der ich reden', 'jemanden sprechen', 'jemanden zum reden', 'verbinden sie mich', 'verbinde mich', 'einen ansprechpartner', 'ansprechpartner', 'jemand anrufen', 'echter mensch', 'ein mensch bitte', 'mensch bitte',
  // id
  'ngobrol langsung', 'bicara langsung', 'ngomong langsung', 'sama petugasnya', 'sm petugasnya', 'dengan petugasnya', 'dgn petugasnya', 'bicara sama orang', 'bicara dengan orang', 'ngobrol sama orang', 'ngobrol dengan orang', 'ngomong sama orang', 'ngomong dengan orang', 'orang beneran', 'orang asli', 'bukan bot', 'mau bicara', 'bicara dengan petugas', 'sama petugas', 'sama admin', 'sm petugas', 'dgn petugas', 'sm admin', 'ngobrol sm orang', 'sama manusia', 'dengan manusia', 'sm manusia', 'orang kantor', 'petugas kantor',
  // sq
  'fol me nje', 'fol me ni', 'fol me nji', 'flas me nji', 'me nji njeri', 'jo me robot', 'jo me bot', 'fol me njeri', 'flas me nje', 'flas me ni', 'njeri t vertet', 'njeri te vertet', 'nje keshilltar', 'flas me dike', 'fol me dike', 'fol me dikon', 'me nje njeri', 'me ni njeri', 'jo robot',
  // sr (Latin; Cyrillic is folded to it)
  'razgovaram sa nekim', 'razgovarati sa nekim', 'razgovaram sa', 'razgovarati sa', 'pricam sa nekim', 'sa covekom', 'sa savetnikom', 'pravim covekom', 'nije bot',
  'treba mi covek', 'zivi covek', 'ziv covek', 'zivog coveka', 'zivim covekom', 'ziva osoba', 'zivu osobu', 'zivom osobom', 'sa osobom', 'sa savetnicom', 'savetnika', 'savetnicu', 'povezite me', 'povezi me', 'spojite me', 'spoji me', 'nekog iz centra', 'nekoga iz centra', 'nekim iz centra', 'da me pozove', 'da me pozovete', 'pozovite me', 'ne bot', 'ne robot', 'pravog coveka', 'pravu osobu', 'operatera', 'operateru', 'sa operaterom', 'daj mi nekog',
  // es
  'hablar con una persona', 'hablar con alguien', 'hablar con un asesor', 'hablar con una asesora', 'hablar con un humano', 'persona de verdad', 'persona real', 'no con un bot', 'con un agente', 'pasar con alguien', 'pasar con una persona', 'pasame con',
]);

/** Asking for another language without naming it: "change the language", "autre langue", "zaban badlo". */
const CHANGE_LANGUAGE = phraseSet([
  'change language', 'change the language', 'change my language', 'another language', 'other language', 'different language', 'other languages', 'switch language', 'language change', 'language settings',
  'changer de langue', 'changer la langue', 'autre langue', 'une autre langue', 'sprache andern', 'sprache wechseln', 'andere sprache', 'sprache umstellen', 'cambiar idioma', 'cambiar de idioma', 'cambiar el idioma', 'otro idioma',
  'ganti bahasa', 'bahasa lain', 'ubah bahasa', 'ndrysho gjuhen', 'gjuhe tjeter', 'nje gjuhe tjeter', 'promeni jezik', 'promenite jezik', 'drugi jezik', 'promjeni jezik',
  'zaban badlo', 'zaban badlen', 'zuban badlo', 'language badlo', 'language change karo', 'zaban change', 'doosri zaban', 'زبان بدلیں', 'زبان بدلو', 'دوسری زبان',
  'غير اللغه', 'بدل اللغه', 'تغيير اللغه', 'لغه اخرى', 'لغه ثانيه', 'بدل اللغة', 'bdel lougha', 'beddel lougha', 'lougha okhra', 'loga okhra',
]);

/** Asking to book (or "see someone at your Lagos office"). */
const BOOK = phraseSet([
  'book', 'booking', 'make an appointment', 'get an appointment', 'get appointment', 'want an appointment', 'want appointment', 'want another appointment', 'want a new appointment', 'need an appointment', 'need appointment', 'need a appointment', 'like an appointment', 'an appointment at', 'an appointment for', 'appointment for', 'appointment at', 'new appointment', 'see someone at', 'see someone in', 'visit the centre', 'visit your office', 'visit the office', 'come to your office', 'come to the office', 'come to the centre', 'come to your centre', 'come una office', 'come una centre', 'come una center', 'come una place', 'visit una office', 'reach una office', 'come see una', 'see dem for', 'see una people for', 'meet them face to face', 'see them face to face', 'see dem face to face', 'see una face to face', 'come see them', 'come and see them', 'meet una face to face', 'face to face meeting',
  'voir quelqu un a', 'voir quelqu un au', 'voir quelqun', 'voir kelkun', 'voir un conseiller', 'voir une conseillere', 'rencontrer un conseiller', 'passer au centre', 'venir au centre', 'aller au centre', 'prendre rdv', 'prendre un rdv', 'prendre rendez vous', 'prendre un rendez vous', 'un rdv', 'dun rdv', 'd un rdv', 'besoin dun rdv', 'un rendez vous', 'veux rdv', 'reserver', 'souhaiterais un rendez vous',
  'احجز', 'حجز', 'موعد', 'ميعاد', 'بدي موعد', 'اريد موعد', 'احجزلي', 'احجزيلي', 'احجزلنا', 'حجزلي', 'احجز لي', 'ahjezli', 'i7jezli', 'n7jezlek', 'a7gez', 'a7jez', 'ahgez', 'e7gez', 'a7gezli', 'e7gezli', 'a7gez ma3ad', 'a7gez me3ad', 'احجز ميعاد', 'عايز احجز', 'عاوز احجز',
  'maw3id', 'maw3ed', 'bghit rdv', 'na5ou rdv', 'nakhou rdv', 'nekhou rdv', 'n7eb rdv', 'nheb rdv', 'a3tini rdv', 'a3tini maw3ed', 'na7jez', 'n7ajez', 'nhajez', 'appointment لینا', 'appointment لینی', 'appointment چاہیے', 'appointment chahta', 'appointment lena chahta', 'nakhod rdv', 'ndir rdv', 'nji l lmarkaz', 'nji lmarkaz', 'اروح المركز', 'اجي للمركز', 'اجي المركز', 'rendez vous', 'n7jz', 'nhjz', 'nakhod maw3id', 'na3mel rdv', 'n3mel rdv', 'na3mil rdv', 'na3mel maw3ed', 'na3mel maw3id', 'nhab na3mel', 'نعمل موعد', 'نعمل rdv',
  'appointment chahiye', 'appointment lena', 'time mil sakta', 'time mil jaye', 'time mil jayega', 'waqt mil sakta', 'time de do', 'time de den', 'time lena hai', 'appointment mil', 'appointment milegi', 'appointment milay', 'appointment de do', 'milne aana', 'milne aa sakta', 'office aa sakta', 'اپائنٹمنٹ مل', 'appointment leni', 'appointment chahye', 'appointment bana', 'naya bana do', 'appointment book', 'وقت لینا', 'اپائنٹمنٹ', 'ملاقات بک', 'ملاقات کا وقت', 'ملاقات کا ٹائم', 'ملنے کا وقت', 'ملاقات چاہیے', 'mulaqat ka waqt', 'mulaqat ka time', 'mulakat ka time', 'milne ka time', 'milne ka waqt',
  'termin machen', 'termin vereinbaren', 'einen termin', 'nen termin', 'termin bei', 'termin im', 'termin in', 'termin buchen', 'einen termin bei', 'ins zentrum kommen', 'zum zentrum kommen', 'ins buro kommen', 'ins zentrum vorbei', 'vorbeikommen', 'vorbei kommen', 'zur beratung kommen', 'beratungstermin', 'termin am', 'termin fur', 'termin um', 'termin morgen',
  'bikin janji', 'konsultasi langsung', 'datang ke kantor', 'buat janji', 'janji temu', 'daftar konsultasi', 'mau daftar', 'pesan jadwal', 'booking jadwal',
  'le nje takim', 'vij ne zyre', 'vij ne qender', 'lej nje takim', 'nje takim', 'lan ni termin', 'ni termin', 'nje termin', 'rezervoj', 'nji termin', 'nji takim', 'ni takim', 'me lyp nji termin', 'me lype termin', 'me rezervu',
  'zakazem termin', 'zakazati termin', 'zakazem', 'zakazati', 'treba mi termin', 'termin u',
  'una cita', 'ir a la oficina', 'ir al centro', 'pedir cita', 'sacar turno', 'sacar una cita', 'quiero cita', 'reservar', 'turno en',
]);

/**
 * Finding a centre near the person: a word of nearness with a word for a centre or an office
 * ("where is the nearest office", "wo ist das nächste Zentrum", "mere sab se qareeb center kahan
 * hai", "أقرب مركز"), or a phrase that asks for one outright ("find a centre").
 */
const NEAR = phraseSet([
  'near me', 'nearest', 'closest', 'nearby', 'near my', 'close to me', 'close to my', 'closer to me', 'wey near', 'dey near', 'near here', 'around me', 'around here',
  'plus proche', 'pres de chez moi', 'proche de chez moi', 'pres de moi', 'proche de moi', 'a cote de chez moi', 'pas loin de chez moi',
  'nachste', 'nachsten', 'nachstes', 'nachstgelegen*', 'in meiner nahe', 'in der nahe', 'bei mir in der nahe', 'nah bei mir',
  'اقرب', 'الاقرب', 'قريب مني', 'قريب منى', 'قريب علي', 'قريب عليا', 'جنبي', 'a9rab', 'aqrab', 'qrib mni', '9rib mni', '9rib liya', 'qrib liya', 'lqrib',
  'qareeb', 'qareebi', 'qareeb tareen', 'nazdeek', 'nazdeeki', 'nazdik', 'qarib', 'قریب', 'قریبی', 'نزدیک', 'نزدیکی',
  'terdekat', 'dekat saya', 'dekat rumah', 'dekat sini', 'deket sini', 'paling dekat',
  'me e afert', 'me te afert', 'me afer', 'afer meje', 'afer shtepise', 'ma e afert', 'ma afer',
  'najblizi', 'najblize', 'najbliza', 'najblizeg', 'najblizu', 'blizu mene', 'u blizini', 'u mojoj blizini',
  'mas cercano', 'mas cercana', 'cerca de mi', 'cerca de aqui', 'cercano a mi', 'cercana a mi',
  // "fin kayn akrab markaz", "mere paas koi office hai?", "is there an office in my city"
  // "which of your office is close to kumasi", "which office near tamale": near the town named
  'close to', 'closest to', 'near', 'nearest to', 'which of your office', 'which of your offices', 'which office', 'which centre', 'which center',
  'akrab', 'a9reb', 'aqreb', 'qrab', 'mere paas', 'mere pas', 'mere qareeb', 'mere nazdeek', 'paas mein', 'close by', 'near to me', 'in my area', 'in my city', 'in my town',
  'dans ma ville', 'dans ma region', 'in meiner stadt', 'in meiner gegend', 'di kota saya', 'di daerah saya', 'ne qytetin tim', 'u mom gradu', 'en mi ciudad', 'mere shehar', 'mere sheher', 'في مدينتي', 'ف مدينتي', 'f lmdina dyali',
]);
const CENTRE_WORDS = phraseSet([
  'centre', 'center', 'centres', 'centers', 'office', 'offices', 'branch', 'location', 'cmd', 'bureau', 'agence', 'zentrum', 'zentren', 'buro', 'beratungsstelle', 'beratungszentrum', 'stelle', 'standort', 'مركز', 'المركز', 'مكتب', 'المكتب', 'فرع', 'markaz', 'lmarkaz', 'lmaktab', 'maktab', 'سینٹر', 'دفتر', 'آفس', 'daftar', 'kantor', 'pusat', 'kantornya', 'pusatnya', 'qendra', 'qendren', 'qendres', 'zyra', 'zyren', 'centar', 'centra', 'centru', 'kancelarija', 'kancelariju', 'centro', 'oficina',
]);

/** Words before a town after a centre word: "centre in", "centre f", "zentrum in", "pusat di", "مركز ف". */
const IN_TOWN = new Set(words('in at a au en f fi fl b bi u ne di dekat near pres kod في ف ب بـ'));
/** "ma kaynch chi centre f tanja?", "is there no centre in kumasi?": the town a centre is asked for (a question about there being one). */
export function centreAskedIn(text: string): string | undefined {
  const tokens = words(text);
  if (tokens.length > 14 || (!endsAsQuestion(text) && !THERE_IS.has(tokens))) return undefined;
  const hit = CENTRE_WORDS.find(tokens);
  if (!hit) return undefined;
  const after = tokens.slice(hit.at + hit.length);
  const at = after.findIndex((t) => IN_TOWN.has(t));
  // The town right after: "centre f tanja", not "المركز ديالكم انا ف طنجة" (where is your centre, I'm in Tangier).
  // Urdu names the town first, "in" after it: "پنڈی میں آپ کا کوئی سینٹر ہے؟", "pindi mein koi center hai?".
  const before = tokens.slice(0, hit.at);
  const urdu = before.findIndex((t, i) => i > 0 && IN_AFTER.has(t));
  const town = at === 0 ? after[1] : urdu > 0 ? before[urdu - 1] : undefined;
  return town && town.length >= 3 ? town : undefined;
}
const THERE_IS = phraseSet(['is there', 'there is no', 'no centre', 'no center', 'no office', 'kayn', 'kayna', 'kaynch', 'makaynch', 'ma kaynch', 'mkaynch', 'y a', 'y a pas', 'il y a', 'ya pas', 'gibt es', 'kein', 'keine', 'ka', 'nuk ka', 'a ka', 'ima li', 'nema', 'ada', 'tidak ada', 'gak ada', 'ga ada', 'nggak ada', 'hay', 'no hay', 'hai kya', 'nahi hai', 'koi', 'كاين', 'ماكاينش', 'ما كاينش', 'في', 'ما في', 'مافي', 'فيه', 'مفيش', 'هل يوجد', 'لا يوجد', 'کوئی', 'نہیں']);

/** The message names an office or a centre ("which office do I go to", "fin lmarkaz"). */
export function namesCentre(text: string): boolean {
  return CENTRE_WORDS.has(words(text));
}
/** "find a centre", "where is your office": a centre asked for outright. */
const FIND_CENTRE = phraseSet([
  // "i go travel go lagos for january, i fit check una there?": a visit to the office is finding it.
  'check una', 'come see una', 'visit una', 'visit you there', 'visit your office', 'come to your office', 'pass by your office', 'stop by your office', 'passer vous voir', 'passer a votre bureau', 'venir a votre bureau', 'euch besuchen', 'bei euch vorbeikommen', 'nzorkom', 'نزوركم', 'آپ کے دفتر آ',
  'find a centre', 'find a center', 'find the centre', 'find the center', 'find centre', 'find center', 'find an office', 'find your office', 'where is the centre', 'where is the center', 'where is your office', 'where is the office', 'where is your centre', 'where is your center', 'where una office', 'where una dey', 'where your office dey',
  'trouver un centre', 'trouver le centre', 'ou est le centre', 'ou se trouve le centre', 'ou est votre bureau', 'ou se trouve votre bureau',
  'zentrum finden', 'wo ist das zentrum', 'wo ist euer zentrum', 'wo ist ihr zentrum', 'wo ist euer buro', 'wo ist ihr buro', 'wo finde ich das zentrum', 'wo finde ich euch',
  'اين المركز', 'وين المركز', 'فين المركز', 'فين المكتب', 'وين مكتبكم', 'وين مكانكم', 'fin lmarkaz', 'fin kayn lmarkaz', 'fin jat lmarkaz', 'fin kayn lbureau',
  'center kahan', 'centre kahan', 'office kahan', 'markaz kahan', 'سینٹر کہاں', 'دفتر کہاں', 'cari kantor', 'cari pusat', 'kantornya dimana', 'kantornya di mana', 'ku ndodhet qendra', 'ku eshte qendra', 'ku e keni zyren', 'gde je centar', 'gde se nalazi centar', 'gde je kancelarija', 'donde esta el centro', 'donde queda el centro', 'donde esta la oficina', 'buscar un centro',
]);

const MINE = phraseSet([
  'my appointment', 'my booking', 'my reservation', 'when is my', 'appointment again', 'check my appointment', 'see my appointment',
  // asked as a question: "which appointment do I have?", "који термин ја имам?", "c'est quand mon rdv ?"
  'which appointment do i have', 'what appointment do i have', 'do i have an appointment', 'when is my appointment',
  'quel rdv j ai', 'quel rendez vous j ai', 'quel est mon rdv', 'j ai un rdv', 'j ai rdv quand', 'welchen termin habe ich', 'habe ich einen termin', 'wann ist mein termin',
  'que cita tengo', 'cual cita tengo', 'tengo cita', 'cuando es mi cita', 'kapan janji saya', 'janji saya kapan', 'saya ada janji',
  'cili takim kam', 'kur e kam takimin', 'a kam takim', 'koji termin imam', 'koji termin ja imam', 'koji je moj termin', 'kad mi je termin', 'kada mi je termin', 'imam li termin',
  'mera appointment kab hai', 'appointment kab hai', 'متى موعدي', 'موعدي امتى', 'موعدي متى',
  'mon rdv', 'mon rendez vous', 'mes rendez vous',
  'موعدي', 'ميعادي', 'حجزي',
  'maw3id dyali', 'lmaw3id dyali',
  'mera appointment', 'meri appointment', 'mera booking', 'میری اپائنٹمنٹ',
  'mein termin', 'meinen termin', 'meinem termin',
  'janji saya', 'jadwal saya', 'janji aku', 'janjiku', 'janji sy', 'jadwal aku',
  'الميعاد بتاعي', 'الموعد بتاعي', 'الموعد ديالي', 'الميعاد ديالي', 'الموعد تاعي',
  'takimi im', 'takimin tim', 'terminin tim', 'termini im',
  'moj termin', 'mog termina', 'moga termina',
  'mi cita', 'mi turno', 'cual es mi cita',
]);

const CANCEL = phraseSet([
  'cancel', 'cancel it', 'call it off', 'annul*', 'annule', 'الغاء', 'الغي', 'الغيه', 'كنسل', 'lghi', 'nlghi', 'lghih', 'lghiha', 'nlghih', 'nlghiha', 'tlghih', 'لغيه', 'لغي', 'لغيها', 'نلغيه', 'نلغي', 'ألغي', 'ألغيه', 'إلغاء', 'الغيها', 'cancel karo', 'cancel kar do', 'cancel kardo', 'منسوخ', 'کینسل',
  'absagen', 'abzusagen', 'stornieren', 'storniere', 'abbrechen', 'batal*', 'dibatalin', 'dibatalkan', 'dibatal*', 'anulo', 'anuloje', 'anulo takimin', 'anulu', 'me e anulu', 'me anulu', 'otkaz*', 'otkazati', 'otkazi', 'cancela*', 'anula*', 'olvidalo', 'rehne do',
]);

/** Words that make a cancellation a question or a condition ("if i get sick can i cancel my appointment?"), no order. */
const ASKS_OR_IF = phraseSet([
  'if', 'can i', 'could i', 'is it possible', 'possible to', 'how do i', 'how can i', 'how to', 'what if', 'si je', 'est ce que', 'puis je', 'comment', 'wenn', 'falls', 'kann ich', 'darf ich', 'wie kann',
  'agar', 'kya main', 'kaise', 'kalau', 'jika', 'bisa', 'gimana', 'nese', 'a mund', 'si mund', 'ako', 'mogu li', 'kako', 'si puedo', 'se puede', 'puedo', 'como', 'اذا', 'إذا', 'لو', 'ممكن', 'كيف', 'كيفاش', 'ila', 'wach',
]);

/** A cancellation asked about ("if i get sick can i cancel my appointment?", "kalau batal bisa?"), not ordered. */
export function cancelAskedAbout(text: string): boolean {
  return endsAsQuestion(text) || ASKS_OR_IF.has(words(text));
}

/** "cancel nahi karna", "don't cancel it", "pas annuler": cancelling is what the person does not want. */
const NOT_CANCEL = phraseSet([
  'cancel nahi', 'cancel nai', 'cancel mat', 'no cancel', 'dont cancel', 'don t cancel', 'do not cancel', 'not cancel', 'no need to cancel', 'pas annuler', 'n annule pas', 'annule pas', 'ne pas annuler', 'nicht absagen', 'nicht stornieren', 'nicht abbrechen',
  'jangan batal', 'jangan dibatalkan', 'jgn batal', 'gak usah batal', 'mos e anulo', 'mos anulo', 'mos e anuloni', 'ne otkazuj', 'nemoj otkazati', 'ne otkazujte', 'no cancelar', 'no lo canceles', 'no la canceles', 'ma tlghich', 'matlghich', 'ما تلغيش', 'لا تلغي', 'متلغيش', 'منسوخ نہ',
]);

/** "keep am", "je la garde", "rakh lo", or "don't cancel" (NOT_CANCEL): the appointment shown is kept. */
const KEEP_IT = phraseSet([
  'keep', 'keep it', 'keep am', 'keep am like that', 'i go keep am', 'keep the appointment', 'leave it', 'leave am', 'leave it like that', 'no cancel am',
  'garder', 'je garde', 'je la garde', 'je le garde', 'garde le', 'garde la', 'gardez le', 'on garde', 'behalten', 'ich behalte', 'behalte ihn', 'behalten bitte',
  'rakh lo', 'rakho', 'rakhna hai', 'rakhni hai', 'cancel na karo', 'رہنے دیں', 'رکھ لیں', 'biarin', 'biarkan', 'biarkan saja', 'tetap',
  'mbaje', 'e mbaj', 'mbajeni', 'zadrzi', 'zadrži', 'ostavi', 'mantener', 'la mantengo',
  'khalliha', 'khlliha', 'nkhalliha', 'khaliha', 'خليه', 'خليها', 'نخليه', 'نخليها', 'احتفظ به', 'سيبه', 'سيبها', 'لا تلغيه', 'ما تلغيهش',
]);

/** A short reply that keeps the appointment just shown ("keep am", "nicht absagen"), and asks nothing else. */
export function keepsAppointment(text: string): boolean {
  const tokens = words(text);
  return tokens.length <= 6 && (KEEP_IT.has(tokens) || NOT_CANCEL.has(tokens)) && !recogniseRequest(text);
}

const MOVE = phraseSet([
  'move my', 'move the appointment', 'move it', 'reschedule', 'change my appointment', 'change the appointment', 'another day', 'different day', 'change the date', 'change the time',
  'deplacer', 'decaler', 'reporter', 'changer le rdv', 'changer mon rdv', 'changer de date', 'تغيير الموعد', 'اغير الموعد', 'أأجل', 'اأجل', 'نبدل لmaw3id', 'nbdel', 'badal do', 'tabdeel',
  'verschieben', 'verlegen', 'anderen termin', 'pindah jadwal', 'ganti jadwal', 'undur', 'ta shtyj', 'shtyje', 'ta levizim', 'ta levizni', 'levizim takimin', 'levize takimin', 'ta zhvendosim', 'ta ndryshojme takimin', 'nderru terminin', 'ndrru terminin', 'ta kaloj', 'me kalu', 'me e kalu', 'ta kalojme', 'nderroj terminin', 'ndryshoj terminin', 'me nderru takimin', 'me ndrru takimin', 'nderru diten', 'ndrru diten', 'me e shty', 'me shty terminin', 'pomeri*', 'pomeriti', 'promeni termin', 'cambiar la cita', 'cambiar mi cita', 'mover la cita', 'reprogramar',
]);

/** "jamnya sama", "same time", "même heure": a moved appointment keeps its hour. */
const SAME_TIME = phraseSet([
  'same time', 'same hour', 'same slot', 'jamnya sama', 'jam yang sama', 'jam sama', 'jamnya tetap', 'waktu yang sama', 'waktunya sama', 'meme heure', 'a la meme heure', 'meme horaire', 'gleiche uhrzeit', 'gleiche zeit', 'selbe uhrzeit', 'selben uhrzeit', 'gleichen uhrzeit', 'zur gleichen zeit',
  'نفس الوقت', 'نفس الوكت', 'بنفس الوكت', 'بنفس الوقت', 'nafs el wakt', 'nafs el wa2t', 'نفس الساعه', 'نفس الساعة', 'نفس الميعاد', 'nafs lwe9t', 'nafs lwa9t', 'nafs sa3a', 'nafs l waqt', 'wahi time', 'wohi time', 'usi time', 'isi time', 'same time pe', 'wahi waqt', 'اسی وقت', 'وہی وقت',
  'misma hora', 'a la misma hora', 'mismo horario', 'ne te njejten ore', 'te njejten ore', 'ora e njejte', 'njejten ore', 'isto vreme', 'u isto vreme', 'isto vrijeme', 'u isto vrijeme',
]);

/** The person wants the hour of the appointment being moved kept ("bisa diganti ke kamis? jamnya sama"). */
export function keepsTime(text: string): boolean {
  return SAME_TIME.has(words(text));
}

/**
 * Words that change something ("bisa diganti ke kamis?", "can we change to friday?", "on peut changer
 * pour jeudi?"): with a day named, the appointment is being moved.
 */
const CHANGE = phraseSet([
  'change', 'changed', 'switch', 'changer', 'change pour', 'modifier', 'andern', 'umlegen', 'cambiar', 'cambiarla', 'cambiarlo', 'mover', 'ganti', 'diganti', 'gantiin', 'ubah', 'diubah', 'pindah', 'dipindah', 'ndrysho', 'ndryshoj', 'ndryshojme', 'ta ndryshojme', 'levizim', 'ta levizim', 'leviz', 'zhvendos', 'promeni', 'promenite', 'promijeni', 'promenimo', 'promijenimo', 'promenim',
  // Gheg and spoken forms: "me e ndrru terminin", "bisa digeser?", "mozemo li da pomerimo"
  'ndrru', 'me ndrru', 'ndrroj', 'nderroj', 'ndryshu', 'me ndryshu', 'geser', 'digeser', 'dimajuin', 'pomeriti', 'pomerimo', 'prebaciti', 'prebacimo', 'tauschen', 'verlegen', 'push it', 'shift it', 'اغير المعاد', 'اغير الميعاد',
  'shift', 'shift kar', 'shift karo', 'shift kar do', 'aage kar do', 'peeche kar do', 'tabdeel', 'tabdil', 'badal', 'badalna', 'badli', 'نبدل', 'نغير', 'تغيير', 'تبديل', 'تبدیل', 'بدلنا', 'beddel', 'nbeddel', 'badel', 'nbadel', 'نخليه', 'نخليها', 'خليه', 'خليها', 'nkhalih', 'nkhaliha',
]);

/** "morgen kann ich doch nicht", "i no fit come tuesday", "je peux pas demain": a day that does not suit, so with a day named the appointment moves. */
const CANNOT_COME = phraseSet([
  'can t', 'cant', 'cannot', 'can not', 'won t make it', 'wont make it', 'no fit', 'no go fit', 'not possible', 'kann nicht', 'kann ich nicht', 'kann ich doch nicht', 'schaffe es nicht', 'schaff es nicht', 'geht nicht', 'geht doch nicht',
  'peux pas', 'peux plus', 'pourrai pas', 'pourrais pas', 'pas possible', 'no puedo', 'no podre', 'no voy a poder', 'ne mogu', 'necu moci', 'nuk mundem', 'nuk mund', 'nuk vij dot', 'nuk mundem te vij',
  'gak bisa', 'ga bisa', 'nggak bisa', 'ngga bisa', 'tidak bisa', 'tdk bisa', 'gabisa', 'chutti nahi', 'chhutti nahi', 'chutti nai', 'nahi aa sakta', 'nahi aa sakti', 'nahi aa sakunga', 'nahi aa sakoonga', 'nahi ho sakta', 'nahi ho payega', 'nahi aa paunga',
  'ma n9derch', 'man9derch', 'ma nqderch', 'ma n9drch', 'ما نقدرش', 'مش هقدر', 'مقدرش', 'ما اقدر', 'لا استطيع', 'ما راح اقدر', 'مش حقدر',
]);

/** The date or the day of an appointment changed: a move without naming the appointment ("je veux changer la date", "bisa ganti tanggal?"). */
const MOVE_DATE = phraseSet([
  'change the date', 'change date', 'change the day', 'another date', 'changer la date', 'changer de date', 'changer le jour', 'une autre date', 'datum andern', 'datum aendern', 'anderes datum', 'den tag andern',
  'cambiar la fecha', 'cambiar fecha', 'cambiar el dia', 'otra fecha', 'ganti tanggal', 'ganti hari', 'ubah tanggal', 'tanggal lain', 'date change', 'date badal*', 'tarikh badal*', 'tareekh badal*', 'din badal*', 'din change',
  'تغيير التاريخ', 'اغير التاريخ', 'تاريخ اخر', 'نبدل التاريخ', 'nbdel nhar', 'nbedel nhar', 'ndrysho daten', 'ndryshoj daten', 'date tjeter', 'promeni datum', 'promenim datum', 'drugi datum', 'تاریخ بدل',
]);

/** "an hour later", "plus tôt", "сат касније": the hour of an appointment moved. */
const LATER_OR_EARLIER = phraseSet([
  'hour later', 'hour earlier', 'an hour later', 'une heure plus tard', 'une heure plus tot', 'stunde spater', 'stunde fruher', 'una hora mas tarde', 'una hora antes',
  'sejam kemudian', 'satu jam lebih', 'nje ore me vone', 'një orë më vonë', 'ore me vone', 'sat kasnije', 'sat ranije', 'ghanta baad', 'ek ghanta baad', 'ek ghanta pehle', 'بساعه', 'ساعه بعد', 'ساعه قبل', 'sa3a mn b3d',
]);
/** Every bookable half hour, to tell whether a message names an hour. */
const EVERY_HALF_HOUR = Array.from({ length: 28 }, (_, i) => `${String(7 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

/** A day and an hour alone ask for a booking in at most this many words. */
const WHEN_ALONE_MAX_WORDS = 10;
/** Another occasion with a day and an hour (the embassy's appointment, an exam, a flight) is no booking at a centre. */
const OTHER_OCCASIONS = phraseSet([
  'embassy', 'ambassade', 'botschaft', 'embajada', 'kedutaan', 'kedubes', 'ambasad*', 'ambasada', 'سفاره', 'السفاره', 'sifarat', 'safara', 'visa', 'vfs', 'interview',
  'exam', 'test', 'examen', 'prufung', 'ujian', 'provim*', 'ispit*', 'imtihan', 'امتحان', 'flight', 'vol', 'flug', 'vuelo', 'penerbangan', 'fluturim*', 'let', 'طياره', 'رحله', 'course', 'cours', 'kurs', 'class', 'kelas',
]);

/** An appointment or a request, so "cancel" means the appointment and not messages. */
const APPOINTMENT_WORDS = phraseSet(['appointment', 'booking', 'rdv', 'rendez vous', 'موعد', 'ميعاد', 'maw3id', 'termin', 'terminin', 'terminu', 'termina', 'janji', 'jadwal', 'takim*', 'cita', 'turno', 'it', 'that', 'to', 'ga', 'am', 'اپائنٹمنٹ']);

/** The appointment named as a thing ("le rdv", "la cita", "den Termin", "takimin"): unlike "it" or "that", a cancellation that says what it cancels. */
const NAMES_APPOINTMENT = phraseSet(['appointment', 'booking', 'reservation', 'rdv', 'rendez vous', 'موعد', 'الموعد', 'ميعاد', 'الميعاد', 'maw3id', 'lmaw3id', 'termin', 'termine', 'termina', 'terminu', 'janji', 'janjinya', 'jadwal', 'takim*', 'cita', 'turno', 'اپائنٹمنٹ']);

const MENU = phraseSet(['main menu', 'back to the menu', 'back to menu', 'show me the menu', 'the menu', 'menu please', 'menu principal', 'retour au menu', 'reviens au menu', 'revenir au menu', 'revenons au menu', 'القائمه الرئيسيه', 'القائمه', 'hauptmenu', 'zum menu', 'menu utama', 'menuja', 'glavni meni', 'menu principal', 'مینو', 'lmenu', 'l menu', 'el menu', 'lmeni', 'المنيو', 'لمنيو', 'menu dikhao', 'menu dikha do', 'menu do']);

/** Help asked for with nothing more: the menu shows what there is. Danger is read before any request. */
const HELP = new Set(words('help hilfe aide ayuda pomoc pomoci madad bantuan tolong ndihme ndihmë مساعده مساعدة مدد helpu'));
const HELP_FILLER = new Set(words('i need want some please pls plz ich brauche bitte j ai besoin de d svp stp s il vous plait necesito quiero por favor treba mi trebam potrebna potrebno mujhe chahiye chaiye kuch saya butuh perlu minta kam nevoje me duhet احتاج بدي اريد ابغى محتاج ممكن من فضلك لو سمحت ana bghit khassni abeg o oh hi hello'));

/** Stop on its own, in any script ("стоп" is read as "stop"). */
const STOP_ALONE = new Set(words('stop stopp stoppen stani prekini arrete arret basta berhenti ndalo توقف بس'));
/** What goes with a stop ("ok stop", "خلاص بس", "stop pls"), never a stop alone. */
const BESIDE_STOP = new Set(words('ok okay please pls plz abeg just now khalas خلاص yaar bhai svp stp bitte'));
const STOP = phraseSet(['stop messaging', 'stop sending', 'stop writing', 'unsubscribe', 'leave me alone', 'arrete de m ecrire', 'plus de messages', 'توقف عن', 'band karo messages', 'keine nachrichten mehr', 'berhenti kirim', 'mos me shkruani', 'prestani da pises', 'deja de escribirme']);

const DELETE = phraseSet([
  'delete my data', 'delete my information', 'delete everything', 'delete all my', 'erase my data', 'erase everything', 'remove my data', 'forget me', 'forget everything about me',
  'supprimer mes donnees', 'supprimez mes donnees', 'effacer mes donnees', 'effacez mes donnees', 'supprimer tout', 'efface tout',
  'احذف بياناتي', 'امسح بياناتي', 'حذف بياناتي', 'امسحوا بياناتي', 'mes7 data dyali', 'data delete', 'data delete karo', 'mera data delete', 'ڈیٹا ڈیلیٹ', 'میرا ڈیٹا',
  'daten loschen', 'meine daten loschen', 'losche meine daten', 'loscht meine daten', 'alles loschen', 'hapus data saya', 'hapus data', 'fshini te dhenat', 'fshij te dhenat', 'fshini gjithcka',
  'obrisete sve', 'obrisi sve', 'obrisi moje podatke', 'obrisi podatke', 'obrisite podatke', 'izbrisi podatke', 'obrisi mi podatke', 'obrisite mi podatke', 'obrisi mi sve', 'obrisite moje podatke', 'obrisite sve', 'izbrisite moje podatke', 'izbrisi moje podatke', 'obrisati podatke',
  'borrar mis datos', 'borren mis datos', 'borra mis datos', 'eliminar mis datos', 'eliminen mis datos',
]);

const REFERENCE = /\b(?=[A-Z0-9]{6}\b)(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{6}\b/;

/** An appointment reference ("Y7QBSY", "K4TQ9Z") in what the person wrote. */
export function findReference(text: string): string | undefined {
  const upper = REFERENCE.exec(text)?.[0];
  if (upper) return upper;
  // Written in small letters: six letters and digits, at least one digit, after a word like "reference" or "ref".
  const m = LABELLED_REFERENCE.exec(text);
  // "reference QPPKGH": after its label, six capitals are a reference even without a digit.
  return m && (/\d/.test(m[1]!) || /^[A-Z]{6}$/.test(m[1]!)) ? m[1]!.toUpperCase() : undefined;
}

const LABELLED_REFERENCE = /\b(?:ref(?:erence)?|référence|reference|rif|referenz|nomor|kode|code|broj|numri|referencia)\W{0,3}([a-z0-9]{6})\b/i;

/** The reference was written after its label ("my reference QPPKGH", "ref: k4tq9z"): the person points at their appointment. */
function labelledReference(text: string): boolean {
  return LABELLED_REFERENCE.test(text);
}

/**
 * The request a message makes, or undefined when it makes none (a question, an answer to the step).
 * Order matters: "cancel my appointment" is a cancellation, "my appointment" a look, "book" a booking.
 */
export function recogniseRequest(text: string): Request | undefined {
  const tokens = words(text);
  if (!tokens.length || tokens.length > 40) return undefined;
  const reference = findReference(text);
  const withRef = (r: { kind: 'myAppointment' | 'cancel' | 'move' }): Request => (reference ? { ...r, reference } : r);
  if (DELETE.has(tokens)) return { kind: 'delete' };
  // A language asked for, also beside one not understood ("mafhmtch l3arbiya, jawbni b lfrancais").
  const lang = requestedLanguage(text);
  if (lang) return { kind: 'language', lang };
  // "ma kanfhemch l3arabiya": the languages offered, never the one named (that is the one not understood).
  if (languageNotUnderstood(text)) return { kind: 'language' };
  if ((tokens.length <= 8 && CHANGE_LANGUAGE.has(tokens)) || asksOtherLanguage(text)) return { kind: 'language' };
  if (STOP.has(tokens) || (tokens.length <= 3 && tokens.some((t) => STOP_ALONE.has(t)) && tokens.every((t) => STOP_ALONE.has(t) || BESIDE_STOP.has(t)))) return { kind: 'stop' };
  if ((MOVE.has(tokens) && (APPOINTMENT_WORDS.has(tokens) || MINE.has(tokens))) || MOVE_DATE.has(tokens)) return withRef({ kind: 'move' });
  // (a day that does not suit and "cancel it" is a cancellation: "besok sy gak bisa, batalin aja ya")
  // (a reason told with it may run longer: "maazrat jumeraat ko factory se chutti nahi mil rahi, kya ye 15 tareekh mangal ko ho sakti hai?")
  if ((CHANGE.has(tokens) || (CANNOT_COME.has(tokens) && !CANCEL.has(tokens))) && tokens.length <= 24 && namesDay(text)) return withRef({ kind: 'move' });
  // "a mund ta ndryshoj takimin?", "je peux changer mon rdv?": the appointment itself named with a change.
  if (CHANGE.has(tokens) && NAMES_APPOINTMENT.has(tokens) && tokens.length <= 8) return withRef({ kind: 'move' });
  // "померите сат касније, у 12?", "décalez à 14h", "move it an hour later": a move with the hour, not the day.
  if ((MOVE.has(tokens) || CHANGE.has(tokens)) && tokens.length <= 16 && (LATER_OR_EARLIER.has(tokens) || matchTime(text, EVERY_HALF_HOUR) !== undefined)) return withRef({ kind: 'move' });
  if (CANCEL.has(tokens) && !NOT_CANCEL.has(tokens)) {
    const explicit = Boolean(reference) || NAMES_APPOINTMENT.has(tokens) || MINE.has(tokens);
    const cancel: Request = { kind: 'cancel', ...(reference ? { reference } : {}), ...(explicit ? { explicit: true as const } : {}) };
    return cancel;
  }
  // "bghit maw3id m3a chi mostachar", "einen Termin mit einem Berater": an appointment with an advisor is a booking.
  const appointmentWithAdvisor = APPOINTMENT_NOUN.has(tokens) && BOOK.has(tokens) && !isAboutBooking(tokens) && !MINE.has(tokens) && !notWanted(tokens, APPOINTMENT_NOUN);
  // "book me for accra thursday 10am, call me 0244123456": the number to call is the booking's contact, not a request for a person.
  const bookingWithNumber = BOOK.has(tokens) && /\d{7}/.test(text.replace(/[\s-]/g, ''));
  if (HUMAN.has(tokens) && !appointmentWithAdvisor && !bookingWithNumber && !asksRobotOrPerson(tokens) && !notWanted(tokens, HUMAN)) return { kind: 'human' };
  if (MINE.has(tokens) || (reference && APPOINTMENT_WORDS.has(tokens))) {
    if (BOOK.has(tokens) && /\b(new|another|naya|nouveau|autre|neuen|otro|nuevo)\b/i.test(text)) return { kind: 'book' };
    return withRef({ kind: 'myAppointment' });
  }
  if (reference && (tokens.length <= 3 || labelledReference(text))) return { kind: 'myAppointment', reference };
  // "ok i no go pay am. i wan book appointment for accra": paying is another sentence, the booking's own asks nothing about cost.
  if (BOOK.has(tokens) && !isAboutBooking(sentenceWith(text, BOOK) ?? tokens) && !notWanted(tokens, BOOK) && !notWanted(tokens, APPOINTMENT_NOUN)) return { kind: 'book' };
  // "Termin Accra Freitag", "appointment lagos monday", "rdv casa demain": the word for an appointment with a place or a day, no question.
  // With a day or an hour it may run longer: "lahore mein appointment jumeraat subah 10 baje".
  const saysWhen = () => namesDay(text) || matchTime(text, EVERY_HALF_HOUR) !== undefined;
  // An opening greeting is not counted: "hi i need appointment in accra" is as short as without it.
  const said = afterGreeting(tokens).length;
  if (said >= 2 && (said <= 5 || (said <= 9 && saysWhen())) && APPOINTMENT_NOUN.has(tokens) && !ASKS.has(tokens) && !isAboutBooking(tokens)) return { kind: 'book' };
  // "besok jam 10 di bandung bisa gak kak?", "demain 10h a rabat c possible?": a day and an hour asked for, in a few words, is a booking.
  if (tokens.length <= WHEN_ALONE_MAX_WORDS && namesDay(text) && matchTime(text, EVERY_HALF_HOUR) !== undefined && !isAboutBooking(tokens) && !OTHER_OCCASIONS.has(tokens)) return { kind: 'book' };
  if (asksForCentre(tokens)) return { kind: 'findCentre' };
  if (MENU.has(tokens) && tokens.length <= 5) return { kind: 'menu' };
  // "help", "ich brauche Hilfe", "necesito ayuda", "madad chahiye": what the menu is for.
  if (tokens.length <= 5 && tokens.some((t) => HELP.has(t)) && tokens.every((t) => HELP.has(t) || HELP_FILLER.has(t))) return { kind: 'menu', help: true };
  return undefined;
}

/** Where a sentence of a request ends (a semicolon too: "i live in durres; i want an appointment"). */
const SENTENCE_END = /(?<=[.!?؟;])\s+/u;

/** A message this long is a story; its request, if any, is in its last sentence. */
const STORY_MIN_WORDS = 25;
/** What a story may end with: a booking, a person, a centre near. */
const STORY_ENDINGS = new Set<Request['kind']>(['book', 'human', 'findCentre']);

/**
 * The request a long story ends with ("... she no sabi all dis online tin. Abeg book am for una Lagos
 * office tomorrow 11am", "... bisa gak sy buat janji ketemu sm petugasnya?"): read from its last
 * sentence (with the one before when the last is a word or two), with the sentence it was read from.
 */
export function requestAtTheEnd(text: string): { request: Request; sentence: string } | undefined {
  if (words(text).length < STORY_MIN_WORDS) return undefined;
  const parts = text.split(SENTENCE_END).filter((p) => words(p).length);
  if (parts.length < 2) return undefined;
  const last = parts.at(-1)!;
  const sentence = words(last).length <= 2 ? parts.slice(-2).join(' ') : last;
  const request = recogniseRequest(sentence);
  return request && STORY_ENDINGS.has(request.kind) ? { request, sentence } : undefined;
}

/**
 * What else a message that asked for a language says, in its other sentences ("je prefere parler en
 * francais stp. je me sens tres mal depuis le retour, je suis deprime"): asked again in the new
 * language, so it is not dropped. Undefined when the rest is only a few words.
 */
export function saidBesideTheLanguage(text: string): string | undefined {
  const parts = sentences(text);
  if (parts.length < 2) return undefined;
  const rest = parts.filter((p) => !requestedLanguage(p) && !asksOtherLanguage(p)).join(' ');
  return rest.length < text.length && words(rest).length >= 4 ? rest : undefined;
}

/**
 * Another request in another sentence of a message that asked for a language ("can you write me in
 * english pls. i want appointment in belgrade"): done after the switch, instead of the menu.
 */
export function requestBeside(text: string): Request | undefined {
  const parts = text.split(/(?<=[?؟!.,،])\s+/u).filter((p) => words(p).length);
  if (parts.length < 2) return undefined;
  for (const part of parts) {
    const req = recogniseRequest(part);
    if (req && req.kind !== 'language') return req;
  }
  return undefined;
}

/**
 * A request for an advisor taken back: "never mind, I found the answer", "laisse tomber, plus
 * besoin", "لا خلص، لقيت الجواب، ما بدي هلأ", "gak jadi deh". Read only while the person waits
 * for an advisor, where it closes the request as "cancel" does.
 */
const WITHDRAW = phraseSet([
  'never mind', 'nevermind', 'forget it', 'found the answer', 'found my answer', 'got the answer', 'got my answer', 'no need anymore', 'no need again', 'not needed anymore', 'no longer needed', 'don t need it anymore', 'dont need it anymore', 'don t need anymore', 'no need for that', 'i no need am again', 'leave am',
  'laisse tomber', 'plus besoin', 'j ai trouve', 'j ai eu la reponse', 'c est regle', 'oubliez',
  'hat sich erledigt', 'schon erledigt', 'vergiss es', 'nicht mehr notig', 'brauche ich nicht mehr', 'brauche keinen mehr', 'habe die antwort', 'antwort gefunden',
  'ya encontre', 'ya no hace falta', 'ya no lo necesito', 'ya no necesito', 'olvidalo', 'olvidelo', 'ya esta resuelto',
  'gak jadi', 'ga jadi', 'nggak jadi', 'tidak jadi', 'batal aja', 'sudah ketemu', 'udah ketemu', 'sudah tidak perlu', 'udah gak perlu', 'udah nggak perlu',
  'e gjeta', 'harroje',
  'nasao sam', 'nasla sam', 'ne treba vise', 'zaboravi', 'ne treba mi vise', 'vise mi ne treba',
  'jawab mil gaya', 'mil gaya jawab', 'ab zaroorat nahi', 'rehne do', 'جواب مل گیا', 'رہنے دو',
  'لقيت الجواب', 'لقيت الاجابه', 'لقيت جواب', 'ما عاد بدي', 'مش محتاج', 'مابقيتش محتاج', 'صافي لقيت', 'لا خلص', 'خلص ما بدي', 'خلاص مش محتاج', 'وجدت الجواب', 'لم اعد احتاج', 'safi l9it', 'l9it jawab', 'khlas ma bghitch',
]);

/** The person takes back a request for an advisor they are waiting for. */
export function withdrawsRequest(text: string): boolean {
  const tokens = words(text);
  return tokens.length > 0 && tokens.length <= 14 && WITHDRAW.has(tokens);
}

/** "i dey for", "je suis à", "ana f", "main … mein hoon", "saya di", "ich wohne in": where the person says they are. */
const LOCATED = phraseSet([
  'i dey for', 'i dey', 'i am in', 'i m in', 'im in', 'i live in', 'i stay in', 'i am at', 'we are in', 'i am from', 'i m from',
  'je suis a', 'je suis au', 'je suis en', 'j habite a', 'j habite au', 'j habite en', 'je vis a', 'moi je suis a',
  'انا في', 'انا', 'أنا', 'انا ف', 'انا ب', 'ساكن في', 'ساكن ف', 'ساكنه في', 'عايش في', 'ana f', 'ana fi', 'rani f', 'rani fi', 'rani b', 'rana f', 'راني ف', 'راني في', 'ana b', 'ana f', 'sakin f', 'sakn f', 'kan sken f', 'kansken f',
  'main', 'mai', 'hum', 'میں', 'saya di', 'aku di', 'sy di', 'saya tinggal di', 'sy tinggal di', 'aku tinggal di', 'tinggal di',
  'aku asli', 'saya asli', 'sy asli', 'aku dari', 'saya dari', 'sy dari', 'aku dr', 'saya dr', 'sy dr', 'aku orang', 'saya orang', 'je viens de', 'je suis de', 'ana men', 'ana mn', 'ana min', 'i come from', 'i be from', 'ich komme aus', 'ich bin aus', 'jam nga', 'jam prej', 'une jam prej', 'vengo de', 'انا من', 'أنا من', 'ich bin in', 'ich wohne in', 'ich lebe in', 'wir sind in', 'jam ne', 'une jam ne', 'jetoj ne', 'ja sam u', 'ja sam iz', 'zivim u', 'sam u', 'estoy en', 'vivo en', 'soy de',
]);
const LOCATED_TAIL = new Set(words('now o oh sef mein main me hoon hun hu hain rehta rehti hoon sekarang skrg jetzt gerade daba db maintenant actuellement ahora tani sada ya kak please pls بس دابا الحين حاليا میں ہوں'));

/** Where a short opening ends and the statement of place begins ("salut je suis senegalais mais je vis a banjul"). */
const CLAUSE_BREAK = /[,.;!]|\b(?:mais|but|aber|lekin|magar|tapi|pero|ama|ali|et|and|und)\b/giu;
/** An opening before the place this short (a greeting, who the person is) still leaves the message a statement of place. */
const OPENING_MAX_WORDS = 5;

/**
 * The place a "where I am" statement names ("i dey for lagos" -> "lagos"), or undefined; also after
 * a short opening with no question in it ("salut je suis senegalais mais je vis a banjul maintenant").
 */
export function statedPlace(text: string): string | undefined {
  const whole = placeOfStatement(text);
  if (whole || text.includes('?') || text.includes('؟')) return whole;
  const breaks = [...text.matchAll(CLAUSE_BREAK)];
  const last = breaks.at(-1);
  if (!last || last.index === undefined) return undefined;
  if (words(text.slice(0, last.index)).length > OPENING_MAX_WORDS) return undefined;
  return placeOfStatement(text.slice(last.index + last[0].length));
}

function placeOfStatement(text: string): string | undefined {
  const tokens = words(text);
  if (tokens.length < 2 || tokens.length > 8) return undefined;
  const hit = LOCATED.find(tokens);
  if (!hit || hit.at > 1) return undefined;
  const rest = tokens.slice(hit.at + hit.length).filter((t) => !LOCATED_TAIL.has(t));
  return rest.length >= 1 && rest.length <= 3 ? rest.join(' ') : undefined;
}

/** "je suis pecheur a", "saya kerja di", "ich bin Fischer in": the person, a word or two, then where. */
const SELF = phraseSet(['je suis', 'moi je suis', 'i am', 'i m', 'im', 'i be', 'i dey work', 'i dey do', 'ich bin', 'ich arbeite', 'jam', 'une jam', 'ja sam', 'radim', 'saya', 'sy', 'aku', 'ana', 'ani', 'انا', 'أنا', 'soy', 'estoy', 'trabajo', 'je travaille', 'i work', 'kerja', 'punoj']);
// "for" is Pidgin's "in" ("i be nurse for kumasi"); a word after it that is no town finds nothing.
const AT = new Set(words('a au in ne u en di f fi b bi في near pres pas kod bei for'));
const ARTICLE = new Set(words('el al l'));

/**
 * Towns the person mentions being in, anywhere in a longer message ("je suis pecheur a mbour. mon
 * cousin...", "ku eshte zyra juaj? jam ne durres"): candidates only, for the caller to look up.
 */
export function mentionedPlaces(text: string): string[] {
  const tokens = words(text);
  if (tokens.length < 2 || tokens.length > 60) return [];
  const found: string[] = [];
  const located = LOCATED.find(tokens);
  if (located) {
    const rest = tokens.slice(located.at + located.length, located.at + located.length + 3).filter((t) => !LOCATED_TAIL.has(t));
    if (rest[0]) found.push(rest[0]);
    if (rest[1]) found.push(rest.slice(0, 2).join(' '));
  }
  const self = SELF.find(tokens);
  if (self) {
    const after = self.at + self.length;
    for (let i = after; i < Math.min(after + 3, tokens.length); i++) {
      // "انا باربيل", "ana fkaza": Arabic writes "in" joined to the town
      if (/^[بف][\p{Script=Arabic}]{3,}$/u.test(tokens[i]!)) found.push(tokens[i]!.slice(1));
      // "ani b el mosil": an article between "in" and the town
      const town = ARTICLE.has(tokens[i + 1] ?? '') ? tokens[i + 2] : tokens[i + 1];
      if (town && AT.has(tokens[i]!) && town.length >= 3 && !/^\d+$/.test(town)) found.push(town);
    }
  }
  // Urdu puts "from" and "in" after the town: "ہم گوجرانوالہ سے ہیں", "shahdara me rehta hun".
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [after, then] = [tokens[i + 1]!, tokens[i + 2]!];
    if ((FROM_AFTER.has(after) && BE_AFTER.has(then)) || (IN_AFTER.has(after) && LIVE_AFTER.has(then))) found.push(tokens[i]!);
  }
  // Else the town after "in" anywhere ("bghit nbda projet sghir f tanja", "small shop for kumasi"): the
  // caller keeps it only when it is a town of a country with a centre.
  if (!found.length) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (AT.has(tokens[i]!) && tokens[i + 1]!.length >= 4 && !/^\d+$/.test(tokens[i + 1]!) && !THERE.has([tokens[i + 1]!])) found.push(tokens[i + 1]!);
    }
  }
  return [...new Set(found)].slice(0, 3);
}
const FROM_AFTER = new Set(words('سے se say'));
const BE_AFTER = new Set(words('ہیں ہوں ہے hain hoon hun hu hai hein'));
const IN_AFTER = new Set(words('میں me mein main mai'));
const LIVE_AFTER = new Set(words('رہتا رہتی رہتے rehta rehti rehte rahta rahti rahte'));

/** Opening hours, a fee, what to bring: a question about the centre, not a request to find one. */
const ABOUT_CENTRE = phraseSet(['open', 'opening', 'hours', 'ouvert', 'horaires', 'geoffnet', 'offnungszeiten', 'buka', 'jam buka', 'hapur', 'otvoren', 'radno vreme', 'abierto', 'horario', 'khula', 'timing', 'مفتوح', 'دوام', 'مواعيد', 'phone', 'telephone', 'telefon', 'number', 'numero', 'email', 'بكم', 'price', 'cost']);

/** A centre's opening hours asked: "una dey open saturday?", "c ouvert le samedi?", "وشوكت تفتحون؟", "jam buka nya?". */
const OPENING_HOURS = phraseSet(['open', 'opening', 'opening hours', 'hours', 'ouvert', 'ouvre', 'ouvrez', 'horaires', 'geoffnet', 'offen', 'offnungszeiten', 'buka', 'jam buka', 'hapur', 'e hapur', 'orari', 'orarin', 'otvoren', 'otvoreni', 'radno vreme', 'radite', 'abierto', 'abren', 'horario', 'khula', 'khulta', 'khulte', 'timing', 'timings', 'مفتوح', 'دوام', 'الدوام', 'بالدوام', 'تداومون', 'تداومو', 'تشتغلون', 'تفتحون', 'تفتحو', 'تفتحوا', 'تفتحو', 'مواعيد العمل', 'ساعات العمل', 'كتحلو', 'ktfet7o', 'ktfat7o', 'کھلا', 'کھلتا', 'اوقات']);
/** Opening something else: "open a shop", "ouvrir un commerce", "buka usaha", "نفتح مشروع". */
const OPENS_SOMETHING = phraseSet(['open a', 'open an', 'open my', 'open up', 'ouvrir un', 'ouvrir une', 'ouvrir mon', 'ouvre un', 'eroffnen', 'offnen', 'buka usaha', 'buka toko', 'buka warung', 'buka rekening', 'hap nje', 'hap biznes', 'otvorim', 'otvoriti', 'abrir un', 'abrir una', 'abrir mi', 'kholna', 'kholni', 'khol', 'افتح', 'نفتح', 'فتح مشروع', 'account', 'business', 'shop', 'bank']);

/** "una dey open saturday?", "wahan ka timing kya hai", "wann habt ihr offen": the hours of a centre asked, in a few words. */
export function asksOpeningHours(text: string): boolean {
  const tokens = words(text);
  return tokens.length > 0 && tokens.length <= 14 && OPENING_HOURS.has(tokens) && !OPENS_SOMETHING.has(tokens);
}

/** "is it open on saturday?", "wahan ka timing kya hai": a question about a centre's hours, fee or number. */
export function asksAboutCentre(text: string): boolean {
  return ABOUT_CENTRE.has(words(text));
}

/** A centre asked for: near the person, or outright ("find a centre"). Opening hours and the like are questions. */
/** The embassy is not one of the centres: "the nearest German embassy" is a question, not a centre to find. */
const EMBASSY = phraseSet(['embassy', 'consulate', 'botschaft', 'konsulat', 'ambassade', 'consulat', 'embajada', 'consulado', 'kedutaan', 'kedubes', 'ambasada', 'ambasadu', 'ambasades', 'سفاره', 'السفاره', 'قنصليه', 'sifara', 'sefara', 'سفارت', 'ایمبیسی', 'embassy ka', 'vfs', 'tls']);

function asksForCentre(tokens: readonly string[]): boolean {
  if (tokens.length > 14 || ABOUT_CENTRE.has(tokens) || EMBASSY.has(tokens)) return false;
  return FIND_CENTRE.has(tokens) || (NEAR.has(tokens) && CENTRE_WORDS.has(tokens));
}

/** Words that point back at the place or centre named before ("book for there", "احجز هناك", "là-bas", "wahan"). */
const THERE = phraseSet([
  'there', 'over there', 'for there', 'that centre', 'that center', 'that office', 'same centre', 'same center', 'same office', 'that one', 'dat one', 'dat place', 'that place',
  'la bas', 'ce centre', 'ce bureau', 'cet endroit', 'meme centre',
  'هناك', 'هنالك', 'هناک', 'هنيك', 'غادي', 'لهيه', 'لهيك', 'تما', 'نفس المركز', 'هذاك المركز', 'داك المركز', 'temma', 'tmma', 'lhih', 'lhik', 'ghadi', 'tema',
  'wahan', 'wahin', 'wahan pe', 'usi', 'us center', 'us centre', 'وہاں', 'اسی',
  'dort', 'dorthin', 'da hin', 'diesem zentrum', 'dem zentrum', 'dieses zentrum', 'demselben zentrum',
  'di sana', 'disana', 'ke sana', 'kesana', 'di situ', 'disitu', 'kantor itu', 'pusat itu',
  'atje', 'aty', 'ate qender', 'ate zyre', 'tek ajo',
  'tamo', 'u tom centru', 'taj centar', 'tom centru',
  'ahi', 'alli', 'alla', 'ese centro', 'esa oficina', 'mismo centro',
]);

/** The message points back at the place named before ("ok make i book for there"). */
export function pointsThere(text: string): boolean {
  return THERE.has(words(text));
}

const REQUEST_SETS = [HUMAN, BOOK, MINE, CANCEL, MOVE, MENU, STOP, DELETE, FIND_CENTRE, NEAR, CENTRE_WORDS];
/** What stands in for a word of the request, so the rest keeps its length (a sentence stays a sentence). */
const MASK = 'qqq';

/**
 * The words of a request that may name a place: the request's own words ("bukan bot", "talk to
 * someone") are masked, so they are never read as a town ("bukan" is Būkān in Iran).
 *
 *   placeWords('mau ngobrol sama orang beneran dong, bukan bot') // 'mau qqq qqq qqq beneran dong qqq qqq'
 */
export function placeWords(text: string): string {
  const tokens = words(text);
  for (const set of REQUEST_SETS) {
    for (let hit = set.find(tokens); hit; hit = set.find(tokens)) tokens.fill(MASK, hit.at, hit.at + hit.length);
  }
  return tokens.join(' ');
}

/** The word for an appointment itself. */
const APPOINTMENT_NOUN = phraseSet(['appointment', 'termin', 'beratungstermin', 'rdv', 'rendez vous', 'cita', 'turno', 'janji', 'maw3id', 'maw3ed', 'ma3ad', 'me3ad', 'mi3ad', 'ma3ed', 'mee3ad', 'ma3aad', 'موعد', 'ميعاد', 'takim', 'takimi', 'اپائنٹمنٹ']);
/** Words that make a short message a question about appointments ("termin wie lange?"), not a booking. */
const ASKS = phraseSet(['what', 'how', 'why', 'when', 'is', 'are', 'do', 'does', 'wie', 'was', 'warum', 'wann', 'brauche ich', 'comment', 'quoi', 'pourquoi', 'quand', 'combien', 'que', 'como', 'cuando', 'kya', 'kaise', 'kab', 'kyun', 'apa', 'bagaimana', 'kapan', 'berapa', 'si', 'kur', 'pse', 'kako', 'kada', 'zasto', 'koliko', 'كيف', 'متى', 'ليش', 'لماذا', 'شو', 'ايش', 'wach', 'kifach', 'imta', 'free', 'gratis', 'kostenlos', 'gratuit']);

/** "what should I bring to the appointment?", "is the appointment free?": a question, not a request. */
const QUESTION_ABOUT = phraseSet(['bring', 'carry', 'cost', 'free of charge', 'how much', 'pay', 'pay for', 'paid', 'payer', 'payant', 'payer quelque chose', 'zahlen', 'bezahlen', 'kostenpflichtig', 'bayar', 'berbayar', 'paguaj', 'paguar', 'platiti', 'platim', 'placa', 'pagar', 'pago', 'paise lagte', 'paise dene', 'پیسے', 'فیس', 'ندفع', 'ادفع', 'دفع', 'نخلص', 'نخلصو', 'نخلصوا', 'يتخلص', 'nkhles', 'nkhlas', 'nkhalas', 'فلوس', 'flous', 'apporter', 'combien', 'mitbringen', 'kostet', 'bawa', 'traer', 'cuesta', 'sjell', 'poneti', 'kya lana', 'لازم اجيب', 'احضر']);
/** The words of the first sentence of a message that holds a phrase of `set`, when the message has more than one. */
function sentenceWith(text: string, set: PhraseSet): string[] | undefined {
  const sentences = text.split(SENTENCE_END).map(words).filter((t) => t.length);
  return sentences.length > 1 ? sentences.find((t) => set.has(t)) : undefined;
}

function isAboutBooking(tokens: readonly string[]): boolean {
  // "termin in pristina ambasada ist sehr lang warten", "the VFS appointment takes months": the embassy's appointment, not ours.
  return QUESTION_ABOUT.has(tokens) || (EMBASSY.has(tokens) && !CENTRE_WORDS.has(tokens));
}

const BOT_WORDS = new Set(words('robot robo bot ai roboter chatbot machine machina makina روبوت بوت روبوٹ'));
const OR_WORDS = new Set(words('or abi ou oder wala walla wela wla wlla ولا او ya ili apo atau ola'));
const WANTS_WORDS = new Set(words('talk speak want wan need connect parler parle veux sprechen will mochte bghit nhder chahiye karwa baat hablar quiero bicara mau flas dua razgovarati'));

/** "you be robot abi na real person?", "t es un robot ou une vraie personne ?": a question about the chat, not a request for a person. */
function asksRobotOrPerson(tokens: readonly string[]): boolean {
  return tokens.some((t) => BOT_WORDS.has(t)) && tokens.some((t) => OR_WORDS.has(t)) && !tokens.some((t) => WANTS_WORDS.has(t));
}

/** "ma bghitch", "je veux pas", "nahi chahiye": what follows is not wanted. */
const NOT_WANTED = phraseSet([
  'ma bghitch', 'mabghitch', 'ma bghitsh', 'mabghitsh', 'ma bghit', 'ما بغيتش', 'مابغيتش', 'ما بديش', 'مش عايز', 'مش عاوز', 'ma n7ebch', 'manhebch', 'ما نحبش',
  'i don t want', 'i dont want', 'i do not want', 'i no want', 'no need', 'je ne veux pas', 'je veux pas', 'jveux pas', 'j veux pas', 'pas besoin', 'ich will nicht', 'ich mochte nicht', 'ich will keinen', 'ich brauche keinen', 'no quiero', 'no necesito',
  'nahi chahiye', 'nahi chahta', 'nahi chahti', 'nahi karni', 'nahi karna', 'gak mau', 'ga mau', 'nggak mau', 'tidak mau', 'gk mau', 'nuk dua', 's dua', 'nuk due', 'ne zelim', 'necu', 'ne treba',
  // "bghit conseiller machi rendez vous", "a person, not an appointment", "pas un rdv": the thing named is turned down.
  'machi', 'mashi', 'mchi', 'not an', 'not a', 'pas un', 'pas de', 'kein', 'keinen', 'bukan', 'no un', 'no una',
]);

/** The request's own words come after a "don't want" ("ma bghitch nhder m3a chi wahed daba"), and no robot is what is refused. */
function notWanted(tokens: readonly string[], request: PhraseSet): boolean {
  const no = NOT_WANTED.find(tokens);
  const asked = request.find(tokens);
  // Right before it ("ma bghitch rendez vous", "don't want to talk"): "i dont want to wait, book me for friday" still books.
  return Boolean(no && asked && asked.at >= no.at + no.length && asked.at - (no.at + no.length) <= 1 && !tokens.some((t) => BOT_WORDS.has(t)));
}
