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

export function asksEmergencyNumber(text: string): boolean {
  const tokens = words(text);
  return tokens.length > 0 && tokens.length <= 30 && EMERGENCY_NUMBER.has(tokens);
}
