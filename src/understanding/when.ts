/**
 * Days and times as people write them, matched to the slots on offer: "tomorrow", "mardi",
 * "الثلاثاء", "kal", "next Monday", "8/12", "8 dec"; "10am", "10h", "١٠:٣٠", "half past ten",
 * "halb elf", "subah 11 baje", "a las diez y media". A bare number at a time step is an hour when
 * that hour is on offer ("10" is 10:00, never option 10).
 *
 *   matchDay('jeudi', ['2026-12-08', '2026-12-10'], '2026-12-07') // '2026-12-10'
 *   matchTime('10', ['09:00', '09:30', '10:00']) // '10:00'
 */
import { oneEditApart } from '../core/normalize.js';
import { phraseSet, words } from './phrases.js';
import { westernDigits } from './replies.js';

/** Weekdays, 1 = Monday … 7 = Sunday, in every language we read (folded). */
const WEEKDAYS: [number, string[]][] = [
  [1, ['monday', 'mon', 'lundi', 'montag', 'lunes', 'senin', 'hene', 'e hene', 'henen', 'hanen', 'ponedeljak', 'ponedeljka', 'الاثنين', 'الاتنين', 'اثنين', 'tnin', 'letnin', 'ithnein', 'el ithnein', 'ethnen', 'el ethnen', 'itnen', 'el itnen', 'etnen', 'el etnein', 'el itnein', 'pir', 'peer', 'somwar', 'پیر']],
  [2, ['tuesday', 'tue', 'tues', 'mardi', 'dienstag', 'martes', 'selasa', 'marte', 'e marte', 'marten', 'utorak', 'utorka', 'الثلاثاء', 'الثلاثا', 'التلات', 'التلاتاء', 'التلاتا', 'ثلاثاء', 'الثلوث', 'tlat', 'tlata', 'thalatha', 'el thalatha', 'tlatha', 'el tlatha', 'el thulatha', 'talat', 'el talat', 'el tlat', 'mangal', 'منگل']],
  [3, ['wednesday', 'wed', 'mercredi', 'mittwoch', 'miercoles', 'miércoles', 'rabu', 'merkure', 'e merkure', 'merkuren', 'sreda', 'sredu', 'srijeda', 'الاربعاء', 'الاربع', 'الاربعا', 'اربعاء', 'اربعا', 'الاربعه', 'larba', 'larbaa', 'larb3a', 'larb3', 'arba3a', 'el arba3a', 'al arba3a', 'arbi3a', 'el arbi3a', 'arb3a', 'arbaa', 'arba3', 'el arba3', 'al arba3', 'l arba3', 'budh', 'bodh', 'بدھ']],
  [4, ['thursday', 'thu', 'thurs', 'jeudi', 'donnerstag', 'jueves', 'kamis', 'enjte', 'e enjte', 'enjten', 'cetvrtak', 'četvrtak', 'cetvrtka', 'الخميس', 'خميس', 'lkhmis', 'khmis', 'khamis', 'el khamis', 'al khamis', '5amis', 'el 5amis', 'khamees', 'el khamees', 'el 5ames', 'jumeraat', 'jumerat', 'جمعرات']],
  [5, ['friday', 'fri', 'vendredi', 'freitag', 'viernes', 'jumat', 'jum at', 'premte', 'e premte', 't premten', 'premten', 'petak', 'petka', 'الجمعه', 'jem3a', 'jm3a', 'jum3a', 'el jum3a', 'jom3a', 'el jom3a', 'gom3a', 'el gom3a', 'juma', 'jumma', 'جمعہ', 'جمعه']],
  [6, ['saturday', 'sat', 'samedi', 'samstag', 'sabado', 'sábado', 'sabtu', 'shtune', 'e shtune', 'shtunen', 'shtuna', 'subota', 'subotu', 'السبت', 'sebt', 'sabt', 'el sabt', 'al sabt', 'hafta', 'sanichar', 'ہفتہ']],
  [7, ['sunday', 'sun', 'dimanche', 'sonntag', 'domingo', 'minggu', 'diel', 'e diel', 'diele', 'dielen', 'nedelja', 'nedelju', 'الاحد', 'الحد', 'l7ed', 'l7ad', 'lhad', 'el had', 'el 7ad', 'a7ad', 'el a7ad', 'al a7ad', 'itwaar', 'itwar', 'اتوار']],
];
const WEEKDAY = new Map<string, number>();
for (const [n, names] of WEEKDAYS) for (const name of names) WEEKDAY.set(words(name).join(' '), n);

const RELATIVE: [number, string[]][] = [
  [2, ['day after tomorrow', 'next tomorrow', 'apres demain', 'après-demain', 'بعد غد', 'بعد بكره', 'بعد بكرا', 'ba3d ghedda', 'ba3d ghedwa', 'ba3d ghadwa', 'ba3d ghda', 'ba3d ghedoua', 'بعد غدوة', 'بعد غدا', 'ba3d baker', 'ba3d bacher', 'ba3d bachir', 'ba3ad bachir', 'ba3ad bacher', 'ba3ad baker', 'ba3ad bukra', 'ba3ad bokra', 'ba3d bokra', 'ba3d bukra', 'ba3d boukra', 'ba3d ghodwa', 'parso', 'parson', 'پرسوں', 'ubermorgen', 'übermorgen', 'lusa', 'pasneser', 'pasnesër', 'prekosutra', 'pasado manana', 'pasado mañana']],
  [1, ['tomorrow', 'tmrw', 'tmr', 'tomoro', 'tomorow', 'demain', 'dmain', 'غدا', 'بكره', 'بكرا', 'باكر', 'bokra', 'bukra', 'boukra', 'bacher', 'baacher', 'باچر', 'باجر', 'ghedda', 'ghda', 'gheda', 'ghodwa', 'ghodoua', 'ghadwa', 'غدوة', 'غدوه', 'kal', 'کل', 'morgen', 'besok', 'neser', 'nesër', 'nesr', 'sutra', 'manana', 'mañana']],
  [0, ['today', 'aujourd hui', 'اليوم', 'lyoum', 'lyouma', 'aaj', 'آج', 'heute', 'hari ini', 'sot', 'danas', 'hoy']],
];
const NEXT_WEEK = phraseSet(['next week', 'nachste woche', 'naechste woche', 'nechste woche', 'negste woche', 'naxte woche', 'nexte woche', 'nachster woche', 'kommende woche', 'die woche drauf', 'semaine pro', 'sem prochaine', 'next wk', 'nxt week', 'agly hafte', 'agle hafta', 'minggu dpn', 'javen tjeter', 'javen qe vjen', 'sledece sedmice', 'iduce sedmice', 'la semana que viene', 'السيمانة الجاية', 'السيمانه الجايه', 'الاسبوع الجاي', 'lsimana jaya', 'simana jaya', 'l osbou3 jay', 'el esbo3 el gay', 'الاسبوع اللي جاي', 'الأسبوع اللي جاي', 'semaine prochaine', 'la semaine prochaine', 'semana que viene', 'proxima semana', 'minggu depan', 'javen tjeter', 'javen e ardhshme', 'sledece nedelje', 'sledeće nedelje', 'agle hafte', 'الاسبوع الجاي', 'الاسبوع القادم', 'الأسبوع الجاي', 'simana jaya', 'coming week', 'semaine qui vient', 'nachsten woche', 'kommenden woche', 'pekan depan', 'java tjeter', 'naredne nedelje', 'iduce nedelje', 'agle haftay', 'اگلے ہفتے', 'smana jaya', 'el osbo3 el gai']);
const NEXT = new Set(words('next nxt prochain prochaine nachsten nächsten naechsten nechsten nechste kommenden proximo próximo depan sledeci sledeceg agla agle الجاي القادم'));

const MONTHS: [number, string[]][] = [
  [1, ['january', 'jan', 'janvier', 'januar', 'enero', 'ene', 'januari', 'janar', 'januar', 'يناير', 'جنوری', 'januara', 'janarit']],
  [2, ['february', 'feb', 'fevrier', 'februar', 'febrero', 'februari', 'shkurt', 'فبراير', 'شباط', 'فروری', 'februara', 'shkurtit']],
  [3, ['march', 'mar', 'mars', 'marz', 'marzo', 'maret', 'mart', 'مارس', 'اذار', 'آذار', 'مارچ', 'marta', 'marsit']],
  [4, ['april', 'apr', 'avril', 'abril', 'abr', 'prill', 'ابريل', 'نيسان', 'اپریل', 'aprila', 'prillit']],
  [5, ['may', 'mai', 'mayo', 'mei', 'maj', 'مايو', 'ايار', 'مئی', 'maja', 'majit']],
  [6, ['june', 'jun', 'juin', 'juni', 'junio', 'qershor', 'يونيو', 'حزيران', 'جون', 'juna', 'qershorit']],
  [7, ['july', 'jul', 'juillet', 'juli', 'julio', 'korrik', 'يوليو', 'تموز', 'جولائی', 'jula', 'korrikut']],
  [8, ['august', 'aug', 'aout', 'agosto', 'agustus', 'gusht', 'avgust', 'اغسطس', 'اگست', 'avgusta', 'gushtit']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'shtator', 'septembar', 'سبتمبر', 'ايلول', 'ستمبر', 'septembra', 'shtatorit']],
  [10, ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'tetor', 'oktobar', 'اكتوبر', 'اکتوبر', 'oktobra', 'tetorit']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'nentor', 'nëntor', 'novembar', 'نوفمبر', 'نومبر', 'novembra', 'nentorit']],
  [12, ['december', 'dec', 'decembre', 'dezember', 'dez', 'diciembre', 'dic', 'desember', 'dhjetor', 'decembar', 'ديسمبر', 'دسمبر', 'decembra', 'dhjetorit']],
];
const MONTH = new Map<string, number>();
for (const [n, names] of MONTHS) for (const name of names) MONTH.set(words(name)[0]!, n);

function weekdayOf(iso: string): number {
  const d = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "9.30am", "um 9.30", "14.30 Uhr", "jam 10.30": an hour with a dot that says it is an hour, not a date. */
const CLOCK_WITH_DOT = /(?:\b(?:at|um|a|à|jam|pukul|alle|ore|at around|vers|gegen)\s+\d{1,2}\.\d{2}\b|\b\d{1,2}\.\d{2}\s*(?:am|pm|a\.m\.?|p\.m\.?|h|uhr|hrs|baje|bje|wib)(?![a-z]))/giu;

/**
 * The offered day (YYYY-MM-DD) a text names, or undefined. `today` is the date at the centre.
 * A weekday is the first one offered; "next Monday" or "Monday next week" the one after this week.
 */
export function matchDay(text: string, offered: readonly string[], today: string): string | undefined {
  const tokens = words(westernDigits(text));
  // "por la mañana" is in the morning; "jueves por la mañana", "Donnerstag morgen" a weekday's morning, not tomorrow.
  let folded = ` ${tokens.join(' ')} `.replace(/ (?:por |en |de )?la manana /g, ' ');
  if (tokens.some((t) => WEEKDAY.has(t) && t.length > 3)) folded = folded.replace(/ (?:manana|morgen) /g, ' ');
  for (const [n, names] of RELATIVE) {
    if (names.some((name) => folded.includes(` ${words(name).join(' ')} `))) {
      const want = addDays(today, n);
      return offered.includes(want) ? want : undefined;
    }
  }
  const date = /(?:^|\D)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*\d{2,4})?(?:\D|$)/.exec(westernDigits(text).replace(CLOCK_WITH_DOT, ' '));
  if (date) {
    const on = (day: number, month: number) => offered.find((d) => Number(d.slice(8, 10)) === day && Number(d.slice(5, 7)) === month);
    // Day first, as most write it; "12/9" written month first ("December 9") when no 12 September is offered.
    return on(Number(date[1]), Number(date[2])) ?? (Number(date[2]) > 12 || Number(date[1]) <= 12 ? on(Number(date[2]), Number(date[1])) : undefined);
  }
  for (let i = 0; i < tokens.length; i++) {
    const month = MONTH.get(tokens[i]!);
    if (!month || tokens.length === 1) continue;
    const day = dayNumberNear(tokens, i);
    if (day) return offered.find((d) => Number(d.slice(8, 10)) === day && Number(d.slice(5, 7)) === month);
  }
  // "the 10th", "le 10", "am 10.", "tanggal 10": the day of the month alone, in a short reply.
  if (tokens.length <= 4) {
    for (let i = 0; i < tokens.length; i++) {
      const ordinal = /^(\d{1,2})(?:st|nd|rd|th|er|eme|e|te|ti)$/.exec(tokens[i]!);
      const marked = /^\d{1,2}$/.test(tokens[i]!) && DAY_OF_MONTH_MARKERS.has(tokens[i - 1] ?? '') ? tokens[i] : undefined;
      const n = Number(ordinal?.[1] ?? marked);
      if (n >= 1 && n <= 31) return offered.find((d) => Number(d.slice(8, 10)) === n);
    }
  }
  let weekday: number | undefined;
  for (let i = 0; i < tokens.length && !weekday; i++) {
    weekday = WEEKDAY.get(`${tokens[i]} ${tokens[i + 1]}`) ?? WEEKDAY.get(tokens[i]!);
    // "mon", "sun", "sat", "mar", "wed" are weekdays only where nothing else is said.
    if (weekday && ['mon', 'sun', 'sat', 'wed', 'thu', 'fri', 'tue', 'pir', 'hafta', 'kal'].includes(tokens[i]!) && tokens.length > 3) weekday = undefined;
  }
  weekday ??= germanShortWeekday(text, tokens) ?? misspelledWeekday(tokens);
  if (!weekday) return undefined;
  // "mittwoch 16", "nicht montag, mittwoch 16", "dienstag den 15.": the number says which one; never the first of that weekday instead.
  // A number that makes no such date with the weekday ("tuesday 10" on a Thursday the 10th) is not a date: the weekday alone counts.
  const dated = datedWeekday(tokens, today);
  if (dated) return offered.find((d) => d === dated);
  const nextWeek = NEXT_WEEK.has(tokens) || tokens.some((t) => NEXT.has(t));
  const endOfThisWeek = addDays(today, 7 - weekdayOf(today));
  // "الحد الجاي", "dimanche prochain" said early in the week: the coming one; "next Tuesday" on a Monday: the one after.
  const ahead = (weekday - weekdayOf(today) + 7) % 7;
  if (nextWeek && !NEXT_WEEK.has(tokens) && ahead >= 4) return offered.find((d) => weekdayOf(d) === weekday && d > today && d <= endOfThisWeek);
  return offered.find((d) => weekdayOf(d) === weekday && (!nextWeek || d > endOfThisWeek));
}

/** The date (YYYY-MM-DD) of a weekday with its day of the month beside it, when that day falls on that weekday within two months. */
function datedWeekday(tokens: readonly string[], today: string): string | undefined {
  const dated = weekdayWithDate(tokens);
  const onCalendar = dated && nextDateOfMonth(today, dated.date);
  return dated && onCalendar && weekdayOf(onCalendar) === dated.weekday ? onCalendar : undefined;
}

/** Words between a weekday and its day of the month: "dienstag den 15.", "rabu tgl 16", "mardi le 15", "el lunes el 14". */
const DATE_LEAD = new Set(words('den le tgl tanggal el the al'));

/** A weekday with the day of the month beside it ("mittwoch 16", "16 mercredi", "dienstag den 15."), not an hour ("mittwoch 10 uhr"). */
function weekdayWithDate(tokens: readonly string[]): { weekday: number; date: number } | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const weekday = WEEKDAY.get(tokens[i]!) ?? misspelledWeekday([tokens[i]!]);
    if (!weekday) continue;
    const after = DATE_LEAD.has(tokens[i + 1] ?? '') ? i + 2 : i + 1;
    for (const k of [after, i - 1]) {
      const n = Number(/^(\d{1,2})(?:st|nd|rd|th|er|e)?$/.exec(tokens[k] ?? '')?.[1]);
      const anHour = HOUR_AFTER.has(tokens[k + 1] ?? '') || TIME_MARKERS.has(tokens[k - 1] ?? '');
      if (n >= 1 && n <= 31 && !anHour) return { weekday, date: n };
    }
  }
  return undefined;
}

/** The next date from today (YYYY-MM-DD) that falls on this day of the month, within two months. */
function nextDateOfMonth(today: string, day: number): string | undefined {
  for (let n = 0; n < 62; n++) {
    const d = addDays(today, n);
    if (Number(d.slice(8, 10)) === day) return d;
  }
  return undefined;
}

/** The day of the month beside a weekday ("mittwoch 2", "mercredi 16"), one on the calendar from today: that number is no hour. */
export function dateBesideWeekday(text: string, today: string): number | undefined {
  const day = datedWeekday(words(westernDigits(text)), today);
  return day ? Number(day.slice(8, 10)) : undefined;
}

/** Words after a number that make it an hour: "10 uhr", "10 h", "10 baje". */
const HOUR_AFTER = new Set(words('uhr h hrs am pm heures heure baje bje oclock o clock sa ure sati saat'));

/** The weekday names long enough (six letters, Latin) to be recognised written a letter wrong. */
const LONG_WEEKDAYS = [...WEEKDAY].filter(([name]) => name.length >= 6 && /^[a-z]+$/.test(name));

/** A long weekday name written a letter wrong: "mitwoch", "donerstag", "freitg", "wednsday". */
function misspelledWeekday(tokens: readonly string[]): number | undefined {
  for (const t of tokens) {
    if (t.length < 6) continue;
    for (const [name, n] of LONG_WEEKDAYS) if (oneEditApart(t, name)) return n;
  }
  return undefined;
}

/** German's two-letter weekdays ("Do 14 Uhr", "am Di", "Mi."): "do" is two in Urdu and "di" is "in" in Indonesian, so only where German frames them. */
const GERMAN_SHORT = new Map([['mo', 1], ['di', 2], ['mi', 3], ['do', 4], ['fr', 5], ['sa', 6], ['so', 7]]);
function germanShortWeekday(text: string, tokens: readonly string[]): number | undefined {
  const i = tokens.findIndex((t) => GERMAN_SHORT.has(t));
  if (i < 0) return undefined;
  const framed = tokens.includes('uhr') || tokens[i - 1] === 'am' || new RegExp(`(?:^|\\s)${tokens[i]}\\.`, 'i').test(text);
  return framed ? GERMAN_SHORT.get(tokens[i]!) : undefined;
}

/** Words before a bare number that make it the day of a month: "the 10", "le 10", "am 10.", "el 10", "tanggal 10", "dated 10". */
const DAY_OF_MONTH_MARKERS = new Set(words('the le am el tanggal tgl tarikh tareekh date dated datum fecha dia يوم نهار تاريخ بتاريخ nhar youm yom dana datë daten'));

/** "as soon as possible", "the earliest", "any day", "le plus tôt": the first one offered will do. */
const EARLIEST = phraseSet(['asap', 'as soon as possible', 'earliest', 'the earliest', 'soonest', 'first available', 'next available', 'any day', 'any time', 'anytime', 'whenever', 'any of them', 'either', 'le plus tot', 'au plus tot', 'des que possible', 'le plus tot possible', 'n importe', 'peu importe', 'so fruh wie moglich', 'so bald wie moglich', 'moglichst bald', 'egal', 'fruhestens', 'lo antes posible', 'cuanto antes', 'lo mas pronto', 'cualquiera', 'cualquier dia', 'secepatnya', 'paling cepat', 'kapan aja', 'kapan saja', 'terserah', 'jaldi', 'jitni jaldi', 'sab se pehle', 'koi bhi', 'جلدی', 'باسرع وقت', 'في اسرع وقت', 'اقرب موعد', 'اي وقت', 'اي يوم', 'بلي بغيتو', 'fach ma bghiti', 'ay wa9t', 'sa me shpejt', 'cilado', 'sto pre', 'sto ranije', 'bilo kad', 'bilo koji']);
/** A part of the day named without an hour: "morning", "le matin", "subah", "pagi", "الصباح". */
const MORNING = phraseSet(['morning', 'in the morning', 'matin', 'le matin', 'matinee', 'vormittag', 'vormittags', 'morgens', 'fruh', 'por la manana', 'en la manana', 'pagi', 'subah', 'subha', 'sabah', 'sba7', 'f sba7', 'sbeh', 'fel sbeh', 'fi sbeh', 'sbe7', 'fel sbe7', 'f sbah', 'fe sbah', 'صباح', 'الصباح', 'صباحا', 'الصبح', 'صبح', 'mengjes', 'paradite', 'ujutru', 'ujutro', 'pre podne', 'prepodne']);

/**
 * A day or time step answered without naming one: "the earliest", "any morning", "l'après-midi".
 * 'first': the first offered; 'morning' / 'afternoon': the first offered in that part of the day.
 */
export function vagueWhen(text: string): 'first' | 'morning' | 'afternoon' | undefined {
  const tokens = words(text);
  if (!tokens.length || tokens.length > 8 || /\d/.test(westernDigits(text))) return undefined;
  if (EARLIEST.has(tokens)) return 'first';
  return partOfDay(text);
}

/** The part of the day a longer message asks for beside a day ("next week wednesday for afternoon"), when it names no hour. */
export function partOfDay(text: string): 'morning' | 'afternoon' | undefined {
  const tokens = words(text);
  if (/\d/.test(westernDigits(text))) return undefined;
  if (AFTERNOON.has(tokens)) return 'afternoon';
  if (MORNING.has(tokens)) return 'morning';
  return undefined;
}

/** "next week", "la semaine prochaine", "nächste Woche", "minggu depan", "agle hafte": the coming week, no day named. */
export function namesNextWeek(text: string): boolean {
  return NEXT_WEEK.has(words(text));
}

/** Small words between a day's number and its month: "9 de dic", "9th of december", "9 tet dhjetorit". */
const DATE_LINKS = new Set(words('de del of the le el th st nd rd e te i di'));

/** The day of the month written next to a month name: just before it (over small words) or just after. */
function dayNumberNear(tokens: readonly string[], month: number): number {
  const asDay = (t: string | undefined): number => {
    const n = Number(/^(\d{1,2})(?:st|nd|rd|th|er|e)?$/.exec(t ?? '')?.[1]);
    return n >= 1 && n <= 31 ? n : 0;
  };
  for (let j = month - 1; j >= 0 && j >= month - 3; j--) {
    if (asDay(tokens[j])) return asDay(tokens[j]);
    if (!DATE_LINKS.has(tokens[j]!)) break;
  }
  return asDay(tokens[month + 1]);
}

/** Whether a text names a day at all (for a booking request that names one). */
export function namesDay(text: string): boolean {
  const every = Array.from({ length: 60 }, (_, i) => addDays('2026-01-05', i));
  return matchDay(text, every, '2026-01-05') !== undefined || matchDay(text, every.map((d) => addDays(d, 300)), '2026-01-05') !== undefined;
}

const NUMBER_WORDS: Record<string, number> = {};
const NUMBER_LISTS: string[][] = [
  ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  ['une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'],
  ['eins', 'zwei', 'drei', 'vier', 'funf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwolf'],
  ['una', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce'],
  ['واحده', 'اثنين', 'ثلاثه', 'اربعه', 'خمسه', 'سته', 'سبعه', 'ثمانيه', 'تسعه', 'عشره', 'احدعشر', 'اثنعشر'],
  ['wahda', 'jouj', 'tlata', 'reb3a', 'khamsa', 'setta', 'seb3a', 'tmnya', 'tes3a', '3ashra', 'hdach', 'tnach'],
  ['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas', 'dua belas'],
  ['ek', 'do', 'teen', 'char', 'panch', 'chay', 'saat', 'aath', 'nau', 'das', 'gyarah', 'barah'],
  ['jedan', 'dva', 'tri', 'cetiri', 'pet', 'sest', 'sedam', 'osam', 'devet', 'deset', 'jedanaest', 'dvanaest'],
  ['nje', 'dy', 'tre', 'kater', 'pese', 'gjashte', 'shtate', 'tete', 'nente', 'dhjete', 'njembedhjete', 'dymbedhjete'],
];
for (const list of NUMBER_LISTS) list.forEach((w, i) => (NUMBER_WORDS[words(w).join(' ')] = i + 1));
// "الساعة العاشرة", "دس بجے"
['الواحده', 'الثانيه', 'الثالثه', 'الرابعه', 'الخامسه', 'السادسه', 'السابعه', 'الثامنه', 'التاسعه', 'العاشره', 'الحاديه عشر', 'الثانيه عشر'].forEach((w, i) => (NUMBER_WORDS[words(w).join(' ')] = i + 1));
['ایک', 'دو', 'تین', 'چار', 'پانچ', 'چھ', 'سات', 'آٹھ', 'نو', 'دس', 'گیارہ', 'بارہ'].forEach((w, i) => (NUMBER_WORDS[words(w).join(' ')] = i + 1));
// Darija and spoken Arabic name the hour with the article: "مع العشرة ديال الصباح", "m3a l3achra".
['الوحده', 'الجوج', 'التلاته', 'الربعه', 'الخمسه', 'السته', 'السبعه', 'التمنيه', 'التسعه', 'العشره', 'الحداش', 'الطناش'].forEach((w, i) => (NUMBER_WORDS[words(w).join(' ')] = i + 1));
['lwe7da', 'jjouj', 'tlata', 'rreb3a', 'lkhamsa', 'setta', 'sseb3a', 'ttmnya', 'ttes3a', 'l3achra', 'l7dach', 'ttnach'].forEach((w, i) => (NUMBER_WORDS[w] = i + 1));
Object.assign(NUMBER_WORDS, { l3ashra: 10, 'لحداش': 11, 'حداشر': 11, 'اطناشر': 12, 'عشر': 10, 'طناش': 12, 'noon': 12, 'midi': 12, 'podne': 12 });

const AFTERNOON = phraseSet(['pm', 'p m', 'afternoon', 'in the afternoon', 'evening', 'apres midi', 'aprem', 'soir', 'nachmittags', 'nachmittag', 'abends', 'de la tarde', 'tarde', 'siang', 'sore', 'pasdite', 'pasdreke', 'popodne', 'posle podne', 'dopo', 'الظهر', 'الضهر', 'العصر', 'بعد الظهر', 'مساء', 'dohar', 'dopahar', 'sham', 'f l3chiya', 'l3chiya', 'noon',
  // evening and after lunch: a centre's afternoon hours are the nearest it has
  'shaam', 'shaam ko', 'sham ko', 'شام', 'دوپہر', 'masa2an', 'masaan', 'fel masa', 'f lmasa', 'l3ashiya', 'لعشية', 'العشية', 'مساءا', 'المساء', 'بالليل',
  'tarde', 'por la tarde', 'en la tarde', 'noche', 'nachmittags', 'am nachmittag', 'abend', 'am abend', 'after lunch', 'petang', 'malam', 'pasdreke', 'mbremje', 'vece', 'uvece', 'popodne', 'poslepodne']);
const HALF = phraseSet(['half past', 'et demie', 'y media', 'و نص', 'ونص', 'والنص', 'و النص', 'w nss', 'wnos', 'w nos', 'w nouss', 'w nass', 'et demi', 'sade', 'saade', 'sadhe', 'saadhe', 'setengah', 'e gjysme', 'i po', 'thirty']);
const QUARTER_PAST = phraseSet(['quarter past', 'et quart', 'y cuarto', 'وربع', 'و ربع', 'viertel nach', 'sawa']);

/**
 * The offered time ("HH:MM") a text names, or undefined. Hours without am or pm follow office
 * hours: "2" in "a las 2" is 14:00. A bare number is a time only when that hour is offered.
 */
export function matchTime(text: string, offered: readonly string[]): string | undefined {
  // "2 min", "ek minute", "une seconde", "5 menit": a while to wait, not an hour.
  // "jam 1an", "jam 10an": Indonesian for about that hour
  const plain = westernDigits(text).replace(DURATION, ' ').replace(/(\d)an\b/gi, '$1');
  const tokens = words(plain).filter((t, i, all) => !(DURATION_UNITS.has(all[i + 1] ?? '') && (NUMBER_WORDS[t] || /^\d+$/.test(t))) && !DURATION_UNITS.has(t));
  if (!tokens.length) return undefined;
  const bare = /^\s*(\d{1,2})\s*$/.exec(plain);
  if (bare) {
    const h = Number(bare[1]);
    if (h < 7 || h > 20) return undefined; // an option number
    return offered.find((t) => t === `${pad(h)}:00`);
  }
  let hour: number | undefined;
  let minute = 0;
  // "the 15th", "le 9eme": a day of the month, not an hour
  // "16.12", "14.12.": a day and month (a month that is no minute of a booking), not 16:12
  let noDates = plain
    .replace(/\b(?:[12]\d|3[01]|0?[1-9])\.(?:0?[1-9]|1[0-2])\b(?!:)(?:\.(?:\d{2,4})?)?/g, (d) => (/\.(?:00|15|30|45)$/.test(d) ? d : ' '))
    .replace(/\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{2,4})?/g, ' ').replace(/\b\d{1,2}(?:st|nd|rd|th|eme|ème)\b/gi, ' ');
  // The day of a month named ("el 9 de dic", "15 décembre à 10h") is not an hour.
  const monthAt = tokens.findIndex((t) => MONTH.has(t));
  const dayOfMonth = monthAt >= 0 && tokens.length > 1 ? dayNumberNear(tokens, monthAt) : 0;
  if (dayOfMonth) noDates = noDates.replace(new RegExp(`(^|\\D)0?${dayOfMonth}(?:st|nd|rd|th|er|e)?(?!\\d)`), '$1 ');
  const clock =
    /(\d{1,2})\s*(?::|h|uhr|ч)\s*(\d{2})(?!\d)/i.exec(noDates) ??
    /(\d{1,2})\s*\.\s*(\d{2})(?!\s*[./-]?\s*\d)/.exec(noDates) ??
    // "10 30am", "u 9 i 30", "ne 10 e 30", "jam 9 lewat 30": hour and minutes with a space or a word between.
    CLOCK_SPOKEN.exec(noDates);
  const marked = /\b(\d{1,2})\s*(?:h\b|uhr|hrs?\b|heures?|o'?clock|am\b|a\.m\.|pm\b|p\.m\.|baje|bje|sa\b|ure\b|sati\b|saat\b)/i.exec(noDates);
  // A digit inside a word is a letter of Arabizi ("m3a 10 w nss": the hour is 10), not an hour.
  const anyNumber = /(?:^|[^\p{L}\d/.:])(\d{1,2})(?![\d/.:]\d)(?!\p{L})/u.exec(noDates);
  // "halb elf", "setengah sebelas", "pola jedanaest" are half past ten: they count towards the next hour.
  const halbIndex = tokens.findIndex((t, i) => TOWARDS_NEXT.has(t) && tokens[i + 1] !== undefined && (NUMBER_WORDS[tokens[i + 1]!] ?? Number(tokens[i + 1])) > 0);
  if (halbIndex >= 0 && tokens[halbIndex + 1]) {
    const next = NUMBER_WORDS[tokens[halbIndex + 1]!] ?? Number(tokens[halbIndex + 1]);
    if (next) return pick(offered, next - 1, 30, tokens);
  }
  if (clock) {
    hour = Number(clock[1]);
    minute = Number(clock[2]);
  } else if (marked) hour = Number(marked[1]);
  else hour = afterTimeWord(tokens) ?? (anyNumber ? Number(anyNumber[1]) : numberWord(tokens));
  if (hour === undefined || hour > 23) return undefined;
  if (!minute && HALF.has(tokens)) minute = 30;
  if (!minute && QUARTER_PAST.has(tokens)) minute = 15;
  return pick(offered, hour, minute, tokens);
}

function pick(offered: readonly string[], hour: number, minute: number, tokens: readonly string[]): string | undefined {
  let h = hour;
  // Indonesian "siang" runs from late morning: "jam 11 siang" is 11:00, "jam 1 siang" 13:00.
  const lateMorning = h >= 10 && tokens.includes('siang');
  if (h < 12 && AFTERNOON.has(tokens) && !lateMorning) h += 12;
  else if (h >= 1 && h <= 6) h += 12; // nobody books 2 in the night
  const exact = `${pad(h)}:${pad(minute)}`;
  if (offered.includes(exact)) return exact;
  // "11" when 11:00 is taken but 11:30 is free: the first free slot in that hour.
  return minute === 0 ? offered.find((t) => t.startsWith(`${pad(h)}:`)) : undefined;
}

const CLOCK_SPOKEN = /\b(\d{1,2})\s+(?:(?:i|e|y|et|and|w|و|dan|lewat|und)\s+)?(00|15|30|45)\s*(?:am|pm|h|uhr|a\.m\.|p\.m\.)?(?!\s*[./:]?\s*\d)(?!\p{L})/iu;

/** Units of a short wait, after a number: "2 min", "ek minute", "une seconde", "un momento", "5 menit", "دقيقة". */
const DURATION_UNITS = new Set(words('min mins minute minutes minuten minuto minutos minut minuta minuti menit sec secs second seconds seconde secondes sekunde sekunden segundo segundos sekund sekunda detik moment momento momentito instant lahza dakika دقيقه دقايق ثانيه لحظه منٹ سیکنڈ ' +
  // "rentre y a 2 mois", "3 saal se", "25 ans": days, weeks, months and years ago or of age, not an hour
  'days jour jours tage tagen dias hari dita dana din دن ايام week weeks semaine semaines woche wochen semana semanas jave sedmica sedmice nedelja nedelje hafta ہفتے اسابيع ' +
  'month months mois monat monate monaten meses bulan muaj mesec meseca meseci mahine mahina مہینے شهور اشهر year years ans annee annees jahr jahre jahren anos tahun vit vjet godina godine saal sal سال سنه سنين'));
const DURATION = new RegExp(`(?:^|\\s)\\d{1,3}\\s*(?:${[...DURATION_UNITS].filter((u) => /^[a-z]+$/.test(u)).join('|')})(?![a-z])`, 'giu');

/** Words for half that count towards the next hour (German, Indonesian, Serbian). */
const TOWARDS_NEXT = new Set(['halb', 'setengah', 'pola']);

const TIME_MARKERS = new Set(words('at a las la um gegen a à vers jam pukul ora oren n ore u oko f fi saa by around الساعه ساعه مع m3a'));

/** "am 10 12 um 9": the number after a word that says an hour follows ("um", "at", "jam"), not the first number. */
function afterTimeWord(tokens: readonly string[]): number | undefined {
  const i = tokens.findIndex((t, k) => k > 0 && /^\d{1,2}$/.test(t) && TIME_MARKERS.has(tokens[k - 1]!));
  return i > 0 ? Number(tokens[i]) : undefined;
}

/** An hour in words: after a word such as "at", "a las", "الساعة", or alone in a short reply. */
function numberWord(tokens: readonly string[]): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    // "après-midi", "after noon": the afternoon, not noon.
    if ((tokens[i] === 'midi' && tokens[i - 1] === 'apres') || (tokens[i] === 'noon' && tokens[i - 1] === 'after') || (tokens[i] === 'podne' && ['posle', 'po', 'od'].includes(tokens[i - 1] ?? ''))) continue;
    const n = NUMBER_WORDS[`${tokens[i]} ${tokens[i + 1]}`] ?? NUMBER_WORDS[tokens[i]!];
    if (n && (tokens.length <= 4 || TIME_MARKERS.has(tokens[i - 1] ?? '') || tokens[i] === 'noon' || tokens[i] === 'midi' || tokens[i] === 'podne')) return n;
  }
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Whether a time ("15:00") is outside a day's opening hours ("09:00-14:00", several joined by
 * commas); false when the hours are unknown.
 */
export function outsideHours(hours: string | undefined, time: string): boolean {
  const ranges = (hours ?? '').split(',').filter(Boolean).map((r) => r.split('-') as [string, string]);
  return ranges.length > 0 && !ranges.some(([from, to]) => time >= from && time < to);
}
