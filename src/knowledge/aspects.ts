/**
 * Follow-ups that ask about one aspect of what was just answered: the German level ("what level do
 * they need?" after nursing), how long ("y cuanto tiempo dura?" after the Opportunity Card) or how
 * much. Their words alone find the generic topic of that aspect (learning German) or nothing; when
 * the previous entry states that aspect (a CEFR level, a figure) and the question names nothing the
 * entry does not speak of, it is the entry the person needs.
 */
import { conceptsOf } from './concepts.js';
import { tokens } from './features.js';
import { phraseSet, words, type PhraseSet } from '../understanding/phrases.js';

interface Aspect {
  /** How people ask for it. */
  asked: PhraseSet;
  /** What an entry that answers it shows, whatever its language. */
  stated: RegExp;
  /** Concepts the question names by asking for it (a level is a level of German). */
  implies?: string;
}

/** A figure: a number, a CEFR level, an amount in euros. */
const FIGURE = /\d/;

const ASPECTS: Aspect[] = [
  {
    asked: phraseSet([
      'level', 'levels', 'niveau', 'niveaus', 'sprachniveau', 'deutschniveau', 'nivel', 'niveles', 'niveli', 'nivelin', 'nivo', 'nivoa', 'nivou', 'tingkat', 'tingkatan',
      'مستوى', 'المستوى', 'مستوي', 'المستوي', 'سطح', 'لیول', 'ليفل', 'mostawa', 'mustawa', 'lmostawa', 'lmustawa', 'lewel', 'lebel',
    ]),
    stated: /\b[ABC][12]\b/,
    implies: 'language',
  },
  {
    asked: phraseSet([
      'how long', 'how many years', 'how many months', 'valid', 'validity', 'wie lange', 'dauer*', 'gultig*', 'combien de temps', 'duree', 'valable', 'cuanto tiempo', 'dura', 'duran', 'durar', 'duracion', 'validez', 'vigencia',
      'berapa lama', 'berlaku', 'masa berlaku', 'koliko dugo', 'koliko traje', 'traje', 'vazi', 'sa gjate', 'sa kohe', 'vlen', 'kitna time', 'kitna waqt', 'kitne saal', 'kitne mahine', 'kab tak',
      'how many weeks', 'how many days', 'combien de mois', 'combien d annees', 'combien de semaines', 'wie viele monate', 'wie viele jahre', 'cuantos meses', 'cuantos anos', 'berapa bulan', 'berapa tahun', 'koliko meseci', 'koliko godina', 'sa muaj', 'sa vite', 'kitne din', 'kitny mahine', 'kitne hafte', 'ch7al mn chhar', 'ch7al mn chher', 'chhal mn chhar', 'ch7al mn 3am', 'ch7al mn l3am', 'ch7al mn wa9t', 'ch7al dyal lw9t', 'kam shahr', 'kam chahr', 'kam sana', 'شحال من شهر', 'شحال من عام', 'كم شهر', 'كم سنه', 'كام شهر', 'كام سنه', 'قديش شهر', 'كم من الوقت', 'كم مده', 'مده', 'المده', 'مدتها', 'صالحه', 'شحال من وقت', 'قديش بتدوم', 'کتنا وقت', 'کب تک', 'کتنے سال',
    ]),
    stated: FIGURE,
  },
  {
    asked: phraseSet([
      'how much', 'cost', 'costs', 'price', 'fee', 'fees', 'was kostet', 'kostet', 'kosten', 'gebuhr*', 'combien coute', 'coute', 'cout', 'frais', 'cuanto cuesta', 'cuesta', 'precio', 'tasa', 'tasas',
      'berapa biaya', 'biaya', 'harga', 'koliko kosta', 'kosta', 'sa kushton', 'kushton', 'kitne paise', 'kitna kharcha', 'kharcha', 'fees kitni',
      'ch7al', 'sh7al', 'chhal', 'bch7al', 'b ch7al', 'ch7al dyal lflous', 'qdach', 'gdach', 'b9adach', 'bkam', 'be kam', 'kam el flous', 'kam lflous', 'kitna paisa', 'kitne paise lagenge', 'kitna kharch', 'combien ca coute', 'c combien', 'ca coute combien', 'wie teuer', 'wieviel kostet', 'sa kushton', 'sa kushtojne', 'berapa harganya', 'berapa duit', 'بكم', 'كم سعر', 'رسوم', 'الرسوم', 'تكلفه', 'التكلفه', 'شحال', 'قديش', 'کتنے پیسے', 'فیس',
    ]),
    stated: FIGURE,
  },
  {
    // Working hours ("a radno vreme?" after the minimum wage): an entry that speaks of hours answers it.
    asked: phraseSet([
      'working hours', 'work hours', 'hours of work', 'how many hours', 'arbeitszeit', 'arbeitszeiten', 'wie viele stunden', 'heures de travail', 'horaires de travail', 'combien d heures', 'horario de trabajo', 'horas de trabajo', 'cuantas horas',
      'jam kerja', 'berapa jam', 'orari i punes', 'orari i punës', 'sa ore', 'radno vreme', 'radno vrijeme', 'koliko sati', 'kitne ghante', 'kaam ke ghante', 'ساعات العمل', 'ساعات الشغل', 'كم ساعه', 'کام کے اوقات', 'کتنے گھنٹے',
    ]),
    stated: /\d+\s*(?:hours?|stunden|heures|horas|jam|ore|orë|sati|ساعات|ساعة|ساعه|گھنٹے)|working hours|working time|arbeitszeit|heures de travail|temps de travail|horario|jam kerja|orari|radno vreme|radnom vremenu|radnog vremena|ساعات العمل|اوقات کار/iu,
    implies: 'hours',
  },
];

/** Concepts that say what kind of answer is wanted, not what it is about. */
const ASKING_CONCEPTS = new Set(['where', 'cost', 'duration', 'requirements', 'apply', 'free', 'fee', 'money', 'bring']);

/**
 * True when `question` asks about an aspect that the previous answer (`title`, `text`: the entry in
 * full) states, and names nothing but the aspect and what the title names: "how much is a German
 * course?" after the Blue Card, or "how long until a human counsellor answers?" after privacy, name
 * something else, with a topic of its own.
 */
export function asksAspectOf(question: string, title: string, text: string): boolean {
  const aspect = ASPECTS.find((a) => a.asked.has(words(question)));
  if (!aspect || !aspect.stated.test(text)) return false;
  const named = conceptsOf(tokens(title));
  return [...conceptsOf(tokens(question))].every((c) => ASKING_CONCEPTS.has(c) || c === aspect.implies || named.has(c));
}

/** Concepts too general to make a follow-up a question of its own ("can someone help me there?"). */
const GENERAL_CONCEPTS = new Set([...ASKING_CONCEPTS, 'human', 'help', 'germany', 'europe']);

/**
 * The question names a thing the previous answer's title does not ("und in marokko, hilft mir
 * jemand arbeit zu finden?" after voluntary return: work): a topic it finds on its own is its answer.
 */
export function namesBeyondTitle(question: string, title: string): boolean {
  const named = conceptsOf(tokens(title));
  return [...conceptsOf(tokens(question))].some((c) => !GENERAL_CONCEPTS.has(c) && !named.has(c));
}

/** The question asks what kind of answer (where, how much, how long, what is needed, how to apply): the shape of a follow-up. */
export function asksAKindOfAnswer(question: string): boolean {
  return [...conceptsOf(tokens(question))].some((c) => ASKING_CONCEPTS.has(c));
}
