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
