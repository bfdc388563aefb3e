/**
 * The danger recogniser (src/understanding/danger.ts): danger described in any words, in the
 * nine languages and their Latin spellings, and the look-alikes that must stay ordinary questions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTexts, loadLocales } from '../src/i18n/index.js';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { KnowledgeRetriever } from '../src/knowledge/retriever.js';
import { loadDangerForKnowledge } from '../src/knowledge/safety.js';
import { KnowledgeService } from '../src/knowledge/service.js';
import { PATHS } from '../src/paths.js';
import { loadDangerRecogniser, type DangerRecogniser } from '../src/understanding/danger.js';
import { compileLexicon } from '../src/understanding/danger-concepts.js';
import { parseRule, ruleHolds } from '../src/understanding/danger-rules.js';
import { arabicToArabizi, arabiziToArabic, arabiziWithoutDigits, urduToRoman, variantsOf, withShorthand, withTypos } from '../src/understanding/danger-augment.js';

let danger: DangerRecogniser;
const kb = loadKnowledgeBase(PATHS.knowledge);
beforeAll(() => {
  danger = loadDangerForKnowledge(kb, PATHS.safety, { cacheDir: PATHS.cache });
}, 60_000);

describe('danger recogniser', () => {
  it('recognises the five messages of the issue, none of which holds a stock phrase', () => {
    const cases: [string, string][] = [
      ['the engine stopped, we are drifting since yesterday, no food', 'stranded'],
      ["ils gardent mes papiers jusqu'à ce que je rembourse le voyage", 'exploitation'],
      ['خطفو خويا فليبيا وكيطلبو فلوس', 'violence'],
      ['jungle mein raasta bhool gaye, do din se kuch nahi khaya', 'stranded'],
      ["I can't do this anymore, I just want to sleep and not wake up", 'selfharm'],
    ];
    for (const [text, category] of cases) expect(danger.detect(text)?.category, text).toBe(category);
  });

  it('reads other wordings, scripts and spellings', () => {
    const cases: [string, string][] = [
      ['my oga don seize my passport, e say make i pay am back first', 'exploitation'],
      ['die Schleuser haben uns im Wald zurückgelassen und wir haben kein Wasser mehr', 'stranded'],
      ['5tfouh f libya w kaytlbo lflous', 'violence'],
      ['kashti ka engine band ho gaya, pani andar aa raha hai', 'stranded'],
      ['hidup gak ada gunanya lagi', 'selfharm'],
      ['la patera hace agua y estamos a la deriva', 'stranded'],
    ];
    for (const [text, category] of cases) expect(danger.detect(text)?.category, text).toBe(category);
  });

  it('hears a relative gone by boat and not heard from, with the words people use for missing', () => {
    for (const text of [
      '3aweni ya5i wled 3ami mafkoud fel b7ar, chnowa na3mlou??',
      'mera bhai kashti mein gaya tha, 3 din se koi khabar nahi',
      'mon frere est parti en pirogue, pas de nouvelles depuis 4 jours',
      'mi hijo salio en patera hace tres dias y no sabemos nada de el',
    ]) {
      expect(danger.detect(text)?.category, text).toBe('stranded');
    }
    // Missing home, a passport lost: not at sea.
    for (const text of ['i am missing my family so much', 'paspor saya hilang, gimana caranya buat baru?']) expect(danger.detect(text), text).toBeUndefined();
  });

  it('reads being stranded without shelter, without a way home or a passport, and not knowing as not self-harm', () => {
    const cases: [string, string][] = [
      ['el passeur a disparu, je dors dans la rue a tripoli et je ne peux pas rentrer', 'stranded'],
      ['اللي جابونا اختفوا ومعيش مكان انام فيه', 'stranded'],
      ['kami tidur di jalan di istanbul, agen kabur, gak bisa pulang', 'stranded'],
      ['comment rentrer chez moi sans passeport, je suis à Tripoli', 'stranded'],
      ['mujhe pakistan wapas jana hai lekin passport nahi hai', 'stranded'],
    ];
    for (const [text, category] of cases) expect(danger.detect(text)?.category, text).toBe(category);
    // "معيش" (I have no) and "عارف" (knowing) are not life and shame
    expect(danger.detect('معيش فلوس كتير ومش عارف اقدم ازاي')).toBeUndefined();
    expect(danger.detect('ya udah kamis aja')).toBeUndefined();
  });

  it('leaves look-alikes alone', () => {
    for (const text of [
      'renew my passport',
      'a boat tour on the Rhine',
      'a bank loan',
      'I am dying to go to Germany',
      'this visa is killing me',
      'kisi insan se baat karwa do',
      'how do I renew my passport at the embassy',
      'suicide statistics germany',
    ]) {
      expect(danger.detect(text), text).toBeUndefined();
    }
  });

  it('hears self-harm said indirectly, in every language and spelling', () => {
    const cases = [
      'honestly i am tired of living, nobody would notice',
      'j ai garde toutes les pilules, ce soir je veux en finir',
      'ich will einfach verschwinden, es hat alles keinen sinn mehr',
      'zindagi se tang aa gaya hoon, sab mere baghair khush rahenge',
      'saya capek hidup, mau loncat dari jembatan',
      'ya me despedí de mi familia, esta noche se acaba todo',
      'mlit mn 7yati, bghit nghber',
      'некад мислим о смрти сваки дан',
      'sonte do hidhem nga ura',
    ];
    for (const text of cases) expect(danger.detect(text)?.category, text).toBe('selfharm');
  });

  it('takes a threat to kill for violence, not self-harm', () => {
    expect(danger.detect('el patron me amenaza con matarme si hablo con alguien')?.category).toBe('violence');
  });

  it('does not alarm at a business question about a boat engine', () => {
    expect(danger.detect('i want to buy a new engine for my fishing boat with a business grant')).toBeUndefined();
  });

  it('lets self-harm lead when a message describes several dangers', () => {
    expect(danger.detect('they took my passport and beat me, i want to die')?.category).toBe('selfharm');
  });

  it('lets a kind a rule backs beat the classifier, and exploitation yield to violence or being stranded', () => {
    // Beaten in the agency's cellar: exploitation (locked in) and violence (beaten) both hold; violence leads.
    expect(danger.detect('ljudi iz agencije su me zatvorili u podrum i tukli')?.category).toBe('violence');
    expect(danger.detect('the agent said if we do not pay the debt they will burn our house, they threatened my father')?.category).toBe('violence');
    // Locked in and left without food: stranded before locked in.
    expect(danger.detect('they locked the door of the house and never came back, 3 days now, nothing to eat')?.category).toBe('stranded');
  });

  it('does not take an official holding a passport, pay a few days late or a dead phone for danger', () => {
    for (const text of [
      'The embassy kept my passport for the visa, how many weeks do they usually hold it?',
      'majikan sy kadang telat bayar gaji 3 hari, wajar gk?',
      'hp sy mati, link janji temu ilang, bisa kirim lagi?',
      'mobile mar gaya tha, appointment ka link dobara bhej dein',
      // Nothing in these names a danger or a scene: the classifier alone never speaks about them.
      'po po',
      // A menu label or a topic in a word or two: a scene, never danger by the classifier alone.
      'work',
      'kerja',
      'kaam',
      'boat',
      'dem dey call me Ibrahim Musa',
    ]) {
      expect(danger.detect(text), text).toBeUndefined();
    }
  });

  it('leaves questions about risks, news of others and stories that ended alone, but not a cry for help', () => {
    for (const text of [
      // A question about risk: the classifier alone read a boat as stranded.
      'is the boat from libya safe',
      'ist die Route über das Mittelmeer gefährlich?',
      'da li je opasno ići preko Bosne?',
      // News about others, a story told as over, an idiom, a locked account.
      'saw on the news that a boat sank off Crete, terrible',
      'en las noticias dijeron que un barco se hundió cerca de Canarias',
      'years ago my boss kept my passport, now i have it back and work legally',
      'moja mama će me ubiti ako ne položim ispit',
      'my account on the appointment portal is locked, how do i reset it',
      // Labour questions and ways of speaking: made to work overtime, trapped in a town without work.
      'mein Chef zwingt mich, Überstunden zu machen, ist das erlaubt?',
      'zarobljen sam u ovom gradu, nema posla, kakve su opcije',
    ]) {
      expect(danger.detect(text), text).toBeUndefined();
    }
    for (const [text, category] of [
      ['is it safe here? the engine stopped, we are drifting since 2 days', 'stranded'],
      ['men with guns are looking for me, they say i owe them', 'violence'],
      ['years ago i paid the agent, now they keep my passport and i cannot leave', 'exploitation'],
      ['that was years ago, now i am safe, but every night i want to die', 'selfharm'],
    ] as const) {
      expect(danger.detect(text)?.category, text).toBe(category);
    }
  });

  it('hears control, a growing debt, sexual violence said without the word, and threats said as idioms', () => {
    for (const [text, category] of [
      // Never out alone, a debt that grows: with an agent or work, exploitation in any language.
      ['Der Vermittler sagt, die Schulden werden jeden Monat mehr, und wir dürfen nur mit ihm raus', 'exploitation'],
      ['la dette augmente chaque mois et le patron ne nous laisse jamais sortir seuls', 'exploitation'],
      ['el jefe dice que mi hermano todavía debe dinero y no lo dejan salir de la finca', 'exploitation'],
      ['il patron nous ferme a cle la nuit dans le dortoir du chantier', 'exploitation'],
      ['the driver forced himself on me at night', 'violence'],
      ['they came with knives to my brother, said if he does not pay what he owes he is a dead man', 'violence'],
      ['un hombre armado nos tiene en una casa y llaman a nuestras familias para pedir dinero', 'violence'],
      // Locked in and left without food: stranded.
      ['agent ke bande humein godown mein tala laga ke chale gaye, khana nahi hai do din se', 'stranded'],
      ['wallah ma 3ad fi ma3na, kelon a7san bala ana', 'selfharm'],
      ['jeta ime nuk ka me kuptim, dua te zhdukem', 'selfharm'],
      // Armed men taking people; someone hurt in the forest; a farewell letter; 'if you tell anyone'.
      ['bewaffnete männer haben unser geld genommen und die frauen mitgenommen', 'violence'],
      ['estamos perdidos en el monte, mi esposo está herido y no puede caminar', 'stranded'],
      ['ich habe einen Abschiedsbrief geschrieben', 'selfharm'],
      ['mera bhai kuch nahi khata, kehta hai sab khatam kar dunga', 'selfharm'],
      // 'how' ('kako', 'como', 'wie') no longer makes a message an ordinary question the classifier keeps quiet about.
      ['stalno razmišljam kako bi bilo da me nema, sve me boli', 'selfharm'],
      // Not let go before paying the man who brought them; the salary taken whole and no quitting.
      ['the guy who brought us says we must pay 2000 each before they let us go', 'exploitation'],
      ['the company deducts everything from my salary and i cannot quit', 'exploitation'],
      ['seth ne kaha agar kisi ko bataya to tumhare ghar walon ko maar dunga', 'violence'],
      // A father's threat to kill is violence, even when the classifier alone leans to self-harm.
      ['mon oncle a dit qu il me tuerait si je refusais ce mariage, je dors chez une voisine', 'violence'],
    ] as const) {
      expect(danger.detect(text)?.category, text).toBe(category);
    }
    for (const text of [
      'can i get a loan to buy a farm in germany',
      'Darf mein Kind allein einkaufen gehen? Es ist 12.',
      'my credit card debt keeps growing, what can i do in germany',
      'nos van a vender el coche, ¿necesito papeles para trabajar?',
      'el jefe se fue de vacaciones y nos dejó el trabajo a nosotros',
      'sy mau telpon keluarga minta doa sebelum berangkat',
      'he is finished with his studies, can he apply for the opportunity card?',
      'kam borxh per shtepine, a mund te punoj ne gjermani si shofer',
      'my friend was injured at work in the factory, what are his rights',
      // 'see' is not the German 'See'; rents that are 'death' are an idiom.
      'i want to see my family before the visa appointment',
      'die preise in hamburg sind der tod, wo wohnt man günstig',
      // Debts and a job sought abroad; the English 'more' is not the Serbian sea; unpaid overtime is a labour question.
      'mi hermano perdió su trabajo y tiene deudas, ¿puede ir a alemania?',
      'i need more information about the evening course, the one with more hours',
      'mi jefe no me paga las horas extra, ¿dónde me quejo?',
    ]) {
      expect(danger.detect(text), text).toBeUndefined();
    }
  });

  it('points each danger to the entry that helps', () => {
    expect(danger.detect('they locked me in the house and took my passport')).toEqual({ category: 'exploitation', topic: 'risks-trafficking' });
  });

  it('answers well under a millisecond per message', () => {
    const texts = ['the engine stopped, we are drifting since yesterday, no food', 'how do i renew my passport', 'خطفو خويا فليبيا وكيطلبو فلوس'];
    for (let i = 0; i < 200; i++) danger.detect(texts[i % 3]!); // warm up
    const start = performance.now();
    for (let i = 0; i < 3000; i++) danger.detect(texts[i % 3]!);
    expect((performance.now() - start) / 3000).toBeLessThan(1);
  });

  it('restores the same model from its cache', () => {
    const fresh = loadDangerForKnowledge(kb, PATHS.safety, { cacheDir: PATHS.cache });
    for (const text of ['we are lost in the desert', 'hello', 'ils m ont frappé']) expect(fresh.analyse(text)).toEqual(danger.analyse(text));
  });

  it('builds without the knowledge base or a cache too', () => {
    const alone = loadDangerRecogniser(PATHS.safety);
    expect(alone.detect('the engine stopped, we are drifting since yesterday, no food')?.category).toBe('stranded');
  });
});

describe('concepts and rules', () => {
  const lexicon = compileLexicon({ PASSPORT: ['passport*', 'papiers', '*جواز*'], TAKE: ['took', 'take away'], RENEW: ['renew*'] });
  it('matches whole words, prefixes, Arabic words with clitics and multi-word terms', () => {
    expect([...lexicon.concepts('They TOOK my passports')].sort()).toEqual(['PASSPORT', 'TAKE']);
    expect([...lexicon.concepts('وجوازي عندهم')]).toEqual(['PASSPORT']);
    expect([...lexicon.concepts('they take away everything')]).toEqual(['TAKE']);
    expect([...lexicon.concepts('they mistook me')]).toEqual([]);
  });
  it('needs every group and none of the exceptions', () => {
    const rule = parseRule('PASSPORT + TAKE|KEEP ! RENEW');
    expect(ruleHolds(rule, new Set(['PASSPORT', 'KEEP']))).toBe(true);
    expect(ruleHolds(rule, new Set(['PASSPORT']))).toBe(false);
    expect(ruleHolds(rule, new Set(['PASSPORT', 'TAKE', 'RENEW']))).toBe(false);
  });
});

describe('ask results carry the danger', () => {
  it('says "safety" for a danger and null for a question', async () => {
    const texts = createTexts(loadLocales(PATHS.locales));
    const service = new KnowledgeService(kb, KnowledgeRetriever.build(kb, { cacheDir: PATHS.cache }), texts.t, danger);
    expect((await service.ask('the engine stopped, we are drifting since yesterday, no food', 'en')).safety).toBe('stranded');
    expect((await service.ask('how do i renew my passport', 'en')).safety).toBeNull();
  });
});

describe('training-time augmentation', () => {
  it('writes Arabic in Arabizi and back, Urdu in Roman Urdu, with typos and chat shorthand', () => {
    expect(arabicToArabizi('خطفو خويا')).toBe('5tfou 5ouia');
    expect(arabiziToArabic('3yit mn l7ayat')).toBe('عييت mn لحايات'); // a word without digits may be French or English: left alone
    expect(urduToRoman('پاسپورٹ')).toBe('pasport');
    expect(withShorthand('saya tidak digaji sudah dua bulan', 'id')).toBe('sy gk digaji udh dua bulan');
    expect(withTypos('the passport was confiscated yesterday')).not.toBe('the passport was confiscated yesterday');
    expect(variantsOf('خطفو خويا', 'ar')).toContain('5tfou 5ouia');
    // Arabizi is also written without its digits.
    expect(arabiziWithoutDigits('5tfouh f libya w kaytlbo 9a3din')).toBe('khtfouh f libya w kaytlbo qaadin');
    expect(variantsOf('خطفو خويا', 'ar')).toContain('khtfou khouia');
  });
});
