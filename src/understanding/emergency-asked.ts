/**
 * The emergency number asked for, in any of our languages: "emergency number kya hai pakistan ka",
 * "c quoi le numero d urgence", "رقم الطوارئ", "nomor darurat polisi". Someone who asks this may be in
 * danger now; the numbers of their country are the answer, even while an advisor holds the chat.
 *
 *   asksEmergencyNumber('emergency number kya hai pakistan ka') // true
 *   asksEmergencyNumber('how do I renew my passport') // false
 */
import { phraseSet, words } from './phrases.js';

const EMERGENCY_NUMBER = phraseSet([
  'emergency number', 'emergency numbers', 'emergency line', 'emergency hotline', 'police number', 'number for the police', 'number of the police', 'police ka number', 'police ko call', 'helpline number', 'hotline number',
  'numero d urgence', 'numeros d urgence', 'numero urgence', 'numero de la police', 'numero police', 'numero de urgencia', 'numero de emergencia', 'numeros de emergencia', 'telefono de emergencia', 'numero de la policia',
  'notruf', 'notrufnummer', 'notfallnummer', 'nummer der polizei', 'polizei nummer', 'polizeinummer',
  'رقم الطوارئ', 'ارقام الطوارئ', 'رقم الطوارء', 'رقم الشرطه', 'رقم البوليس', 'نمرة الطوارئ', 'نمره الطوارئ', 'raqm tawari2', 'ra9m lbolis', 'nemra dyal lbolis', 'numero dyal lbolis',
  'emergency number kya', 'emergency ka number', 'ہنگامی نمبر', 'ایمرجنسی نمبر', 'پولیس کا نمبر', 'emergency no',
  'nomor darurat', 'nomor polisi', 'nomer darurat', 'nomer polisi', 'no darurat', 'hotline darurat',
  'numri i emergjences', 'numri i urgjences', 'numri i policise', 'numri emergjent', 'numrin e policise', 'numrin e emergjences',
  'broj za hitne', 'hitni broj', 'broj hitne pomoci', 'broj policije', 'broj za policiju', 'broj za hitne slucajeve',
]);

/**
 * "j appelle qui??", "who do I call", "koga da zovem": after danger was told in the conversation,
 * asking whom to call is asking for the emergency numbers (before it, it may be about booking).
 */
const WHOM_TO_CALL = phraseSet([
  'who do i call', 'who should i call', 'who can i call', 'who to call', 'who we go call', 'who i go call', 'who i fit call', 'which number do i call', 'what number do i call', 'which number',
  'j appelle qui', 'j apelle qui', 'on appelle qui', 'qui appeler', 'qui je dois appeler', 'qui dois je appeler', 'je dois appeler qui', 'quel numero', 'a qui je telephone',
  'wen soll ich anrufen', 'wen rufe ich an', 'wen kann ich anrufen', 'wen anrufen', 'welche nummer',
  'a quien llamo', 'a quien llamar', 'a quien debo llamar', 'que numero', 'a quien puedo llamar',
  'kisko call karun', 'kis ko call karun', 'kisko call karoon', 'kis ko call karoon', 'kisko phone karun', 'kis ko phone karun', 'kise call karun', 'kis ko fon karun', 'kaun sa number', 'کس کو کال کروں', 'کس کو فون کروں',
  'harus telepon siapa', 'telepon siapa', 'telpon siapa', 'hubungi siapa', 'harus hubungi siapa', 'nomor berapa', 'siapa yang harus saya hubungi', 'siapa yang bisa dihubungi',
  'ke te thirr', 'kë të thërras', 'ke duhet te thërras', 'ke duhet te thirr', 'ke te telefonoj', 'cilin numer',
  'koga da zovem', 'koga treba da zovem', 'koga zvati', 'koga da pozovem', 'koji broj', 'кога да зовем', 'кога да позовем',
  'نتصل بمين', 'نكلم مين', 'اكلم مين', 'اتصل بمين', 'اتصل بمن', 'بمن اتصل', 'بمين اتصل', 'نعيط على من', 'نعيط لمن', 'نعيط لشكون', 'اتصل على مين', 'شو الرقم', 'اي رقم',
  'n3iyet 3la chkoun', 'n3ayet l chkoun', 'n3ayet lchkoun', 'n3iyet lchkoun', 'nkalem chkoun', 'nkalem min', 'atasel bmin', 'netasel bmin',
]);

export function asksEmergencyNumber(text: string, opts: { afterDanger?: boolean } = {}): boolean {
  const tokens = words(text);
  if (!tokens.length || tokens.length > 30) return false;
  return EMERGENCY_NUMBER.has(tokens) || (opts.afterDanger === true && WHOM_TO_CALL.has(tokens));
}
