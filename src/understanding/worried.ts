/**
 * A relative or friend who wants to hold someone back from leaving: "comment je peux le convaincre
 * de pas partir?", "how do I stop my brother from going?", "kaise samjhaun usko ke na jaye". They
 * need the facts to show and someone to talk to together, not "I am not sure I understood". A word
 * for convincing or stopping someone, and a word for leaving (or, after an answer on the risks of
 * the journey, the convincing alone: the leaving is what was just talked about).
 *
 *   holdsSomeoneBack('comment je peux le convaincre de pas partir?') // true
 *   holdsSomeoneBack('how do I convince my boss?', false) // false
 */
import { phraseSet, words } from './phrases.js';

const CONVINCE = phraseSet([
  // Pidgin: "wetin i fit tell am make e no go", "how i go take stop am"
  'tell am make e no', 'talk am make e no', 'beg am make e no', 'make e no go', 'stop am', 'hold am back', 'make e no travel',
  'convince', 'convinced', 'persuade', 'talk him out', 'talk her out', 'talk them out', 'dissuade', 'stop him', 'stop her', 'stop them', 'hold him back', 'make him stay', 'make her stay',
  'convaincre', 'convaincu', 'persuader', 'dissuader', 'l empecher', 'les empecher', 'le retenir', 'la retenir', 'les retenir', 'faire changer d avis',
  'uberzeugen', 'uberreden', 'abhalten', 'davon abbringen', 'aufhalten',
  'اقنع', 'اقنعه', 'اقنعها', 'اقناعه', 'نقنعه', 'نقنعو', 'امنعه', 'نمنعه', 'n9n3o', 'nqn3o', 'nmn3o', 'nqna3o',
  'samjhaun', 'samjhaon', 'samjhau', 'samjhana', 'samjhao', 'rokun', 'rokon', 'rokna', 'roko', 'سمجھاؤں', 'سمجھاوں', 'روکوں', 'روکنا',
  'meyakinkan', 'yakinkan', 'ngeyakinin', 'mencegah', 'cegah', 'nyegah', 'melarang',
  'bind', 'e bind', 'ta bind', 'bindem', 'ndaloj', 'ta ndaloj', 'e ndaloj',
  'ubedim', 'ubediti', 'ubedi', 'ubijedim', 'odvratim', 'odvratiti', 'zaustavim', 'zaustaviti',
  'convencer', 'convencerlo', 'convencerla', 'disuadir', 'disuadirlo', 'impedir', 'impedirle',
]);

const LEAVE = phraseSet([
  'leave', 'leaving', 'go', 'going', 'travel', 'cross',
  'partir', 'parte', 'aller', 'traverser', 'quitter',
  'gehen', 'weggehen', 'ausreisen', 'fahren', 'abhauen',
  'يسافر', 'يمشي', 'يروح', 'يهاجر', 'يحرق', 'يهرب', 'ysafer', 'ymchi', 'yhreg', 'yhrg', 'hreg', 'y7reg', 'yemchi',
  'jaye', 'jaaye', 'jane', 'jaane', 'jaana', 'jana', 'جائے', 'جانے',
  'pergi', 'berangkat', 'merantau', 'kabur',
  'ike', 'iki', 'largohet', 'shkoje', 'te shkoje', 'te ike',
  'ode', 'otide', 'odlazi', 'putuje',
  'irse', 'vaya', 'se vaya', 'ir', 'viajar',
]);

export function holdsSomeoneBack(text: string, afterRisks = false): boolean {
  const tokens = words(text);
  if (!tokens.length || tokens.length > 30) return false;
  return CONVINCE.has(tokens) && (afterRisks || LEAVE.has(tokens));
}

/** Someone close: "mon petit frère", "my son", "bhai", "adik saya". */
const CLOSE_ONE = phraseSet([
  'brother', 'sister', 'son', 'daughter', 'cousin', 'husband', 'wife', 'friend', 'nephew', 'uncle', 'boy', 'my boy', 'junior brother', 'small brother',
  'frere', 'soeur', 'fils', 'fille', 'cousin', 'cousine', 'mari', 'femme', 'ami', 'amie', 'neveu', 'oncle', 'petit frere', 'grand frere',
  'bruder', 'schwester', 'sohn', 'tochter', 'cousin', 'mann', 'frau', 'freund', 'freundin', 'neffe', 'onkel',
  'hermano', 'hermana', 'hijo', 'hija', 'primo', 'prima', 'esposo', 'esposa', 'amigo', 'amiga', 'sobrino',
  'اخي', 'أخي', 'خويا', 'اختي', 'أختي', 'ختي', 'ابني', 'بنتي', 'وليدي', 'ولدي', 'زوجي', 'راجلي', 'صاحبي', 'ابن عمي', 'ولد عمي',
  'khoya', 'khouya', 'khti', 'weldi', 'wldi', 'bnti', 'rajli', 'sa7bi', 'sahbi', 'wld 3mi', 'ould 3mi',
  'bhai', 'bhaiya', 'behen', 'bahen', 'beta', 'beti', 'cousin', 'shohar', 'dost', 'bhanja', 'bhatija', 'بھائی', 'بہن', 'بیٹا', 'بیٹی', 'دوست',
  'adik', 'kakak', 'abang', 'anak', 'anakku', 'suami', 'istri', 'teman', 'sepupu', 'keponakan',
  'vellai', 'vella', 'vellau', 'motra', 'motren', 'djali', 'djalin', 'vajza', 'vajzen', 'kushëri', 'kusheri', 'burri', 'shoku', 'shoqja',
  'brat', 'brata', 'sestra', 'sestru', 'sin', 'sina', 'cerka', 'ćerka', 'rodjak', 'rođak', 'muž', 'muz', 'drug', 'prijatelj', 'sinovac',
]);

/** Gone already: "est parti", "left", "ist losgefahren", "chala gaya", "sudah berangkat", "ra7", "otišao". */
const HAS_LEFT = phraseSet([
  'left', 'has left', 'have left', 'went', 'has gone', 'is gone', 'don go', 'don comot', 'comot', 'travelled', 'traveled', 'took the boat', 'took a boat', 'enter boat', 'set off',
  'est parti', 'est partie', 'sont partis', 'est sorti', 'a pris la pirogue', 'a pris le bateau', 'a pris la mer', 'a quitte', 'a embarque', 'a traverse',
  'ist los', 'ist weg', 'losgefahren', 'abgereist', 'aufgebrochen', 'weggegangen', 'ist gegangen', 'ist gefahren', 'ist ausgereist',
  'se fue', 'salio', 'ha salido', 'se marcho', 'se ha ido', 'partio', 'se embarco',
  'سافر', 'خرج', 'راح', 'مشى', 'حرق', 'هاجر', 'ركب', 'طلع', 'مشا', 'mcha', 'msha', 'ra7', 'raah', 'hreg', 'hrag', '7reg', '7rag', 'safer', 'sefer', 'khrej', 'tle3', 'rkeb',
  'chala gaya', 'chali gayi', 'nikal gaya', 'nikla', 'ravana', 'ravana ho gaya', 'chale gaye', 'nikal gaye', 'gaya hai', 'چلا گیا', 'نکل گیا', 'روانہ',
  'sudah berangkat', 'udah berangkat', 'berangkat', 'sudah pergi', 'udah pergi', 'pergi',
  'iku', 'ka ikur', 'u nis', 'ka shkuar', 'shkoi', 'u largua',
  'otisao', 'otišao', 'otisla', 'otišla', 'krenuo', 'krenula', 'otputovao', 'pobegao',
]);

/** The journey itself named: the sea, a boat, the desert, a country on the way. */
const THE_JOURNEY = phraseSet([
  'boat', 'pirogue', 'canoe', 'sea', 'desert', 'libya', 'lampedusa', 'canaries', 'canary', 'spain', 'italy', 'mediterranean', 'agadez', 'niger', 'morocco', 'dunki', 'donkey', 'jungle', 'border',
  'bateau', 'barque', 'mer', 'desert', 'libye', 'canaries', 'espagne', 'italie', 'frontiere', 'mbour', 'nouadhibou',
  'boot', 'meer', 'wuste', 'libyen', 'spanien', 'italien', 'grenze', 'patera', 'cayuco', 'mar', 'desierto', 'frontera',
  'بحر', 'البحر', 'قارب', 'فلوكه', 'الفلوكه', 'ليبيا', 'لبيا', 'الصحراء', 'الحدود', 'lbher', 'lb7er', 'lbhar', 'lfalouka', 'l7rig', 'libya', 'bateau', 'patera',
  'kashti', 'samundar', 'sarhad', 'iran', 'turkey', 'greece', 'کشتی', 'سمندر', 'ڈنکی',
  'kapal', 'perahu', 'laut', 'perbatasan', 'malaysia', 'varke', 'varka', 'det', 'kufi', 'greqi', 'camac', 'čamac', 'more', 'granica', 'granicu',
]);

/**
 * Someone close has already left on the journey ("mon petit frere est parti avant hier de mbour"
 * after the risks): not a question, but a worry that needs what to do in danger and a person.
 */
export function someoneHasLeft(text: string, afterRisks = false): boolean {
  const tokens = words(text);
  if (!tokens.length || tokens.length > 30) return false;
  return CLOSE_ONE.has(tokens) && HAS_LEFT.has(tokens) && (afterRisks || THE_JOURNEY.has(tokens));
}
