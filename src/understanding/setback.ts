/**
 * Bad news told, not asked: "mera visa teesri baar reject ho gaya", "mon visa a été refusé
 * encore", "mein Visum wurde abgelehnt", "تأشيرتي انرفضت", "visa saya ditolak lagi". A person
 * who says this needs a kind word and someone who can look at it with them, not "I am not sure I
 * understood". A word of refusal with the thing refused (a visa, an application, a permit).
 *
 *   isSetback('mera visa teesri baar reject ho gaya') // true
 *   isSetback('my visa was rejected, how do I appeal?') // true (the caller answers questions first)
 */
import { phraseSet, words } from './phrases.js';

const REFUSED = phraseSet([
  'rejected', 'refused', 'denied', 'declined', 'rejection', 'refusal', 'got rejected', 'dem reject', 'dem refuse', 'no gree',
  'refuse', 'refusee', 'refuses', 'refusees', 'rejete', 'rejetee', 'refus', 'ont refuse', 'pas accepte',
  'abgelehnt', 'ablehnung', 'abgewiesen', 'nicht genehmigt',
  'رفض', 'رفضت', 'رفضوا', 'رفضو', 'انرفض', 'انرفضت', 'اترفض', 'اترفضت', 'مرفوض', 'مرفوضه', 'تم رفض', 'rfdouha', 'rfdoha', 'rfdou', 'trefdat', 'trefd', 'refusawha', 'refusaw', 'tarfad',
  'reject', 'rejct', 'reject ho', 'reject hua', 'reject hui', 'reject kar', 'refuse ho', 'refuse kar', 'mustarad', 'mustard', 'radd ho', 'مسترد', 'ریجیکٹ', 'رد ہو', 'رد کر',
  'ditolak', 'tolak', 'gak diterima', 'tidak diterima', 'ga lolos', 'gagal',
  'refuzuar', 'refuzuan', 'refuzoi', 'refuzim', 'refuzimi', 'nuk ma dhane', 'nuk me dhane',
  'odbijen', 'odbijena', 'odbijeno', 'odbili', 'odbijenica', 'odbijanje', 'nisu mi dali',
  'rechazado', 'rechazada', 'rechazaron', 'denegado', 'denegada', 'denegaron', 'negaron', 'me la negaron',
]);

/** What is refused: a visa, an application, a permit, a recognition, an appointment at the embassy. */
const REFUSED_THING = phraseSet([
  'visa', 'visas', 'viza', 'vizen', 'vizes', 'vizu', 'vize', 'visum', 'visa ku', 'visa saya', 'فيزا', 'الفيزا', 'فيزتي', 'تاشيره', 'تاشيرتي', 'التاشيره', 'ویزا', 'ویزہ', 'biza', 'lvisa', 'lfiza', 'fiza',
  'application', 'applications', 'demande', 'dossier', 'antrag', 'bewerbung', 'anerkennung', 'recognition', 'permit', 'residence permit', 'titre de sejour', 'aufenthaltstitel', 'talab', 'درخواست', 'طلب', 'طلبي', 'permohonan', 'aplikasi', 'lamaran', 'kerkesa', 'kerkesen', 'aplikimi', 'zahtev', 'zahtjev', 'molba', 'solicitud', 'permiso', 'chancenkarte', 'opportunity card', 'blue card', 'carte bleue', 'blaue karte',
]);

export function isSetback(text: string): boolean {
  const tokens = words(text);
  if (!tokens.length || tokens.length > 30) return false;
  return REFUSED.has(tokens) && REFUSED_THING.has(tokens);
}
