/**
 * Courtesy: greetings, thanks, "how are you", "are you a robot?", goodbyes — answered kindly and
 * never counted as a miss. "hello o, how una dey", "assalam o alaikum bhai", "merci bzaf khoya",
 * "tank u my broda, God bless", "Bist du ein Mensch oder ne KI?".
 */
import { endsAsQuestion } from '../core/normalize.js';
import { phraseSet, words } from './phrases.js';

/** `ok`: a bare acknowledgement ("ok", "tamam", "theek hai") where nothing was asked that it answers. */
export type Courtesy = 'thanks' | 'howAreYou' | 'whoAreYou' | 'greeting' | 'bye' | 'ok' | 'complaint' | 'afraid';

const GREETING = phraseSet(['a ka kush ktu', 'a ka kush', 'pomoz bog', 'ada org', 'ada org gk', 'ada orang gk', 'anyone dey', 'anybody dey', 'hello anybody', 'allo', 'alo', 'salut tout le monde', 'bonjour a tous', 'hallo zusammen', 'servus', 'moin', 'mirdita', 'tungjatjeta', 'zdravo', 'cao', 'halo', 'assalamualaikum', 'selamat pagi', 'salam alaikum', 'salamu alaykum', 'السلام عليكم', 'سلام عليكم', 
  // "are you there?", "t'es là ?", "koi hai?": the person checks someone is there
  'are you there', 'you there', 'wach kayn chi wahed', 'wach kayn chi wa7ed', 'kayn chi wa7ed', 'kayn chi wahed', 'wach kayn chi had', 'واش كاين شي واحد', 'كاين شي واحد', 'fin ntouma', 'koi sun raha hai', 'r u there', 'anybody there', 'anyone there', 'is anyone there', 'is anybody there', 'anybody', 'anyone', 'hello anyone', 'i greet you', 'greet you', 'how body oga',
  't es la', 'tu es la', 'vous etes la', 'il y a quelqu un', 'y a quelqu un', 'bist du da', 'seid ihr da', 'sind sie da', 'ist jemand da', 'jemand da', 'hallo jemand da', 'ada orang', 'ada orang gak', 'ada yang bisa bantu', 'halo ada orang', 'hay alguien', 'estas ahi', 'esta ahi', 'hay alguien ahi', 'a je aty', 'jeni aty', 'a ka dikush', 'ima li koga', 'jesi tu', 'jeste li tu', 'da li ste tu', 'koi hai', 'koi hai kya', 'aap hain', 'aap ho', 'حد هنا', 'في حد', 'فيه حد', 'انت هنا', 'انتو هنا', 'كاين شي حد',
  'hello', 'hello o', 'helo', 'hi', 'hii', 'hiii', 'hey', 'heyy', 'heyyy', 'good morning', 'good afternoon', 'good evening', 'morning', 'bonjour', 'bonsoir', 'salut', 'slt', 'bjr', 'salam', 'salaam', 'slm', 'assalam', 'assalamu alaikum', 'assalam o alaikum', 'assalamualaikum', 'asalam o alaikum', 'salam alaikum', 'salam 3likom', 'salam alikom', 'السلام عليكم', 'سلام', 'مرحبا', 'اهلا', 'ازيك', 'صباح الخير', 'مساء الخير', 'hallo', 'moin', 'servus', 'guten tag', 'guten morgen', 'halo', 'hai', 'selamat pagi', 'selamat siang', 'selamat sore', 'selamat malam', 'pershendetje', 'tungjatjeta', 'mirdita', 'mire dita', 'miredita', 'zdravo', 'dobar dan', 'cao', 'pozdrav', 'hola', 'buenas', 'buenaaas', 'buenos dias', 'buenas tardes', 'السلام علیکم', 'آداب', 'adaab', 'aoa', 'a o a', 'aoa bhai', 'aoa sir', 'asalam alaikum', 'aslam o alaikum', 'asslam o alaikum', 'assalam alaikum', 'salam aleykoum', 'salam aleikum', 'salamou aleykoum', 'salamalekoum', 'salam alaykoum', 'aslema', 'asslema', '3aslema', 'aslama', 'عسلامه', 'اهلا وسهلا',
  // short and slang forms: "pagi kak", "was geht", "marhaba", "que onda"
  'pagi', 'siang', 'sore', 'malam', 'met pagi', 'yo', 'was geht', 'was geht ab', 'na du', 'marhaba', 'marhba', 'ahlan', 'ahla', 'sabah el kheir', 'sabah el khair', 'sabah al khair', 'sabah al kheir', 'sabah elkheir', 'sabah el kher', 'sabah el 5eir', 'saba7 el5er', 'saba7 el kheir', 'saba7 el 5er', 'sabah el nour', 'sabah el noor', 'sbah lkhir', 'sbah el khir', 'sba7 lkhir', 'sbah lkhir 3likom', 'msa lkhir', 'masa el kheir', 'masaa el kheir', 'masa2 el kheir', 'masa el khair', 'masa2 el 5eir', 'hala', 'هلا', 'هلا والله', 'nanga def', 'na nga def', 'nangadef', 'salamaleekum', 'asalamaleekum', 'salamaleikum', 'salamalaikum', 'salamaleikoum', 'salamaleykum', 'salamalekum', 'هلو', 'هلاو', 'هلو اخي', 'هلو عيني', 'شلونك', 'شلونكم', 'hallo kak', 'halo kak', 'اهلين', 'مرحبتين', 'صباح النور', 'صباح الفل', 'صباح الورد', 'صباح الفل يا جماعه', 'sabah el fol', 'saba7 el fol', 'يا جماعه', 'مسا الخير', 'namaste', 'buen dia', 'que onda', 'que hubo', 'dobro jutro', 'dobro vece', 'dobro veče', 'zdravo svima', 'mirmengjes', 'mirembrema', 'tung', 'ckemi', 'çkemi', 'hej', 'selam']);
const THANKS = phraseSet(['thank*', 'thx', 'thnx', 'tnx', 'ty', 'tank u', 'tanks', 'tank you', 'god bless', 'merci', 'mrc', 'shukran', 'choukran', 'chokran', 'shokran', 'chukran', 'chokrane', 'choukrane', 'شكرا', 'شكراً', 'متشكر', 'بارك الله', 'shukriya', 'shukria', 'شکریہ', 'meherbani', 'danke', 'dankeschon', 'vielen dank', 'terima kasih', 'makasih', 'tq', 'trims', 'faleminderit', 'flm', 'hvala', 'gracias', 'muchas gracias', 'grazie', 'jazakallah', 'cool thanks', 'great thanks', 'baraka allahu', 'jerejef', 'jerejeff', 'jere jef', 'djerejef', 'jerejef waay',
  // "يسلمو", "مشكور ما قصرت", "mashallah", "hvala puno", "makasih banyak kak"
  'يعيشك', 'مرسي', 'ميرسي', 'مرسى', 'مرسي بزاف', 'مرسي كتير', 'يعيشكم', 'عيشك', 'ya3ychek', 'y3aychek', 'y3ayshek', 'ya3aychek', 'ya3ichek', 'yaychek', 'يسلمو', 'يسلموا', 'tislam', 'teslam', 'tislamli', 'teslamli', 'tislam 3ammi', 'تسلم ايدك', 'تسلم إيدك', 'ربنا يكرمك', 'الله يكرمك', 'rabena yekremak', 'allah yekremak', 'يسلم', 'تسلم', 'تسلمي', 'تسلملي', 'مشكور', 'مشكوره', 'مشكورين', 'ما قصرت', 'ماقصرت', 'ما قصرتو', 'يعطيك العافيه', 'الله يعطيك العافيه', 'جزاك الله', 'جزاك الله خير', 'ماشاء الله', 'ما شاء الله', 'mashallah', 'masha allah', 'mashaallah', 'barak allah', 'baraka allah', 'yislamo', 'ya3tik el 3afye', 'mashkour', 'thank u', 'appreciate it', 'merci beaucoup', 'mille merci', 'grand merci', 'vielen lieben dank', 'dank dir', 'besten dank', 'makasi', 'suwun', 'udah mau jawab', 'udh mau jawab', 'udah jawab', 'udh jawab', 'sudah menjawab', 'sudah dijawab', 'udah dibantu', 'udh dibantu', 'udah bantu', 'udh bantu', 'atas infonya', 'infonya', 'atas jawabannya', 'jawabannya', 'atas bantuannya', 'hvala puno', 'hvala vam', 'hvala ti', 'puno hvala', 'faleminderit shume', 'rrofsh', 'mil gracias', 'mashkoor', 'bohat shukriya', 'bahut shukriya', 'بہت شکریہ', 'thanks bro', 'tenk yu', 'tenkyu', 'tanx',
  // blessings given as thanks: "الله يرضي عليك", "Allah aap ko khush rakhe", "que Dieu vous bénisse", "Bog te blagoslovio"
  'الله يرضي عليك', 'الله يرضى عليك', 'الله يرضي عليكم', 'الله يحفظك', 'الله يبارك فيك', 'بارك الله فيك', 'الله يجازيك بخير', 'allah yrdi 3lik', 'allah yardi 3lik', 'lah yrdi 3lik', 'allah ybarek fik', 'allah y7fdek', 'allah khush rakhe', 'khush rakhe', 'allah aap ko khush rakhe', 'allah ap ko khush rakhe', 'allah tumhe khush rakhe', 'khuda aap ko khush rakhe', 'khush raho', 'اللہ آپ کو خوش رکھے', 'خوش رکھے', 'god bless you', 'dieu te benisse', 'dieu vous benisse', 'que dieu te benisse', 'que dieu vous benisse', 'gott segne dich', 'gott segne sie', 'gott segne euch', 'semoga allah membalas', 'semoga allah membalas kebaikan', 'semoga berkah', 'tuhan memberkati', 'zoti te bekofte', 'zoti ju bekofte', 'zoti te ruajt', 'bog te blagoslovio', 'bog vas blagoslovio', 'bog ti pomogao', 'dios te bendiga', 'dios le bendiga', 'dios los bendiga',
  // compliments get the same kind word: "you are awesome", "je shum i mir", "zabardast"
  'you are awesome', 'you re awesome', 'ur awesome', 'you are great', 'you are the best', 'awesome', 'well done', 'bravo', 'genial', 'tu es genial', 'du bist super', 'du bist toll', 'eres genial', 'eres lo maximo', 'kamu hebat', 'hebat', 'keren', 'mantap sekali', 'je shum i mir', 'je i mire', 'shum mire', 'bravo te qofte', 'svaka cast', 'odlicno', 'super si', 'zabardast', 'kamaal', 'kamal hai', 'شاطر', 'ممتاز', 'رائع', 'برافو', 'عاش', 'زبردست']);
const HOW_ARE_YOU = phraseSet(['شنحوالك', 'شنو احوالك', 'شلون الحال', 'كيف الحال', 'كيفك', 'wie ist dein tag', 'wie war dein tag', 'wie lauft', 'a je mir', 'a jeni mire', 'si je', 'si jeni', 'q tal', 'que tal', 'holaa q tal', 'como estas', 'cka ka', 'ca va', 'comment ca va', 'sava', 'kako si', 'kako ste', 'sta ima', 'gimana kabarnya', 'apa kabar', 'kabar', 'kya haal', 'kya haal hai', 'kaise ho', 'how far', 'how body', 'how you dey', 'how is your day', 'how s your day', 'how was your day', 'how your day', 'how is everything', 'how s everything', 'how are you', 'how r u', 'how are u', 'how u doing', 'how you doing', 'how una dey', 'how you dey', 'how far', 'how is it going', 'ca va', 'comment ca va', 'comment allez vous', 'cv', 'labas', 'la bas', 'kif dayr', 'kidayr', 'كيف حالك', 'ازيك', 'عامل ايه', 'اخبارك', 'kaise ho', 'kya haal hai', 'aap kaise hain', 'wie geht s', 'wie gehts', 'wie geht es', 'apa kabar', 'gimana kabarnya', 'lagi sibuk', 'si je', 'si jeni', 'si jen', 'kako si', 'kako ste', 'sta ima', 'que tal', 'como estas', 'todo bien', 'como esta', 'kif halak', 'kif halek', 'كيفك', 'كيف الحال', 'كيف حالكم', 'شلونك', 'شلونكم', 'شو الاخبار', 'ki dayr', 'kif dayra', 'kidayra', 'kako ste vi',
  'kifak', 'kifik', 'keefak', 'kifkon', 'shlonak', 'shlonek', 'ezayak', 'izayak', 'ezayek', 'wesh rak', 'labas 3lik', 'kaisa hai', 'kese ho', 'kaise hain', 'apa kabarnya', 'gimana kabar', 'piye kabare', 'si po ja kalon', 'si po kalon', 'kako ide', 'wie lauft', 'wie laufts', 'alles gut', 'alles klar', 'como vas', 'que tal todo', 'how body', 'how your side', 'how e dey', 'how things', 'hope you are well', 'ca va bien', 'ca roule',
  // what the assistant is doing: "lagi apa nih?", "wyd", "tu fais quoi?", "kya kar rahe ho?"
  'lagi apa', 'lagi ngapain', 'sedang apa', 'ngapain', 'what are you doing', 'what are u doing', 'what r u doing', 'wyd', 'tu fais quoi', 'que fais tu', 'qu est ce que tu fais', 'was machst du', 'was machst du so', 'que haces', 'que estas haciendo', 'kya kar rahe ho', 'kya kar rahi ho', 'kya ho raha hai', 'cfare po ben', 'cka po bon', 'sta radis', 'شو عم تعمل', 'بتعمل ايه', 'بتعمل اي', 'شنو كدير', 'اش كدير', 'chno kadir', 'ach katdir', 'کیا کر رہے ہو',
  // Pidgin and slang: "wetin dey happen", "how market", "wassup", "šta ima", "wie geht's dir"
  'wetin dey happen', 'wetin de happen', 'wetin dey sup', 'wetin dey', 'how market', 'how work', 'how family', 'how your people', 'how una side', 'how you see am', 'you dey alright', 'hope you dey fine', 'how today', 'whats up', 'what s up', 'wassup', 'wasup', 'sup', 'wie geht s dir', 'wie geht es dir', 'wie geht es ihnen', 'wie gehts dir', 'alles gut bei dir', 'alles fit', 'kako je', 'sta radis', 'kako si mi', 'kako ste mi', 'si je ti', 'si jeni ju', 'cfare ben', 'chi khbar', 'ach khbarek', 'kif dayrin', 'labas alik', 'لاباس', 'لاباس عليك', 'لا باس عليك', 'لاباس عليكم', 'واش لاباس', 'كي داير', 'كيداير', 'كيف داير', 'كيدايرة', 'labas 3likom', 'wach labas', 'kya haal', 'kya hal hai', 'sab theek', 'apa kabar nih', 'que hay', 'como te va', 'ca dit quoi', 'quoi de neuf']);
/** "i dey o", "I'm fine", "je vais bien", "mir geht's gut", "الحمد لله", "theek hoon": the person's own news, an ok. */
const FINE = phraseSet(['evo ziv sam', 'ziv sam', 'dobro sam hvala', 'en la lucha', 'aqui en la lucha', 'bien bien', 'ganz gut', 'ganz gut und dir', 'ich bin gut', 'gut und dir', 'und dir', 'und ihnen', 'wa nta', 'wnta', 'وانت', 'ونت', 'و انت', 'tamam alhamdulillah', 'labas', 'bikhir', 'kolchi mzyan', 'mire edhe ti', 'mire po ti', 'jam mire', 'baik kak', 'alhamdulillah baik', 'main theek hoon', 'theek hoon aap sunao', 'aap sunao', 'sunao', 'i dey fine o', 'we thank god', 'thank god', 'by god grace', 'by the grace of god', 'grace of god', 'i dey', 'i dey o', 'i dey fine', 'i dey kampe', 'i dey alright', 'we dey', 'we dey o', 'we dey here', 'body dey', 'i m fine', 'i am fine', 'im fine', 'i m good', 'i am good', 'im good', 'i m ok', 'i am ok', 'i m okay', 'fine thanks', 'fine thank you', 'all good', 'doing well', 'not bad',
  'je vais bien', 'tres bien', 'bien et toi', 'bien et vous', 'mir geht s gut', 'mir gehts gut', 'mir geht es gut', 'gut danke', 'passt',
  'alhamdulillah', 'alhamdulilah', 'hamdoulah', 'hamdullah', 'lhamdullah', 'lhamdoulah', 'lhamdulillah', 'الحمد لله', 'الحمدلله', 'بخير', 'انا بخير', 'bikhir', 'bkhir', 'ana bikhir', 'ana bkhir', 'labas hamdoulah', 'kolchi mzyan', 'كويس', 'تمام الحمد لله',
  'theek hoon', 'theek hun', 'main theek hoon', 'main theek hun', 'theek thak', 'thik hoon', 'thik hun', 'mai thik hu', 'ٹھیک ہوں', 'میں ٹھیک ہوں',
  'baik', 'baik baik', 'aku baik', 'saya baik', 'baik kok', 'sehat', 'mire jam', 'jam mire', 'mire faleminderit', 'dobro sam', 'ja sam dobro', 'sve je dobro', 'estoy bien', 'muy bien', 'bien gracias', 'bien y tu', 'todo bien por aca']);
const WHO_ARE_YOU = phraseSet(['chkoun li ghadi yjawbni', 'chkoun li kayjawb', 'chkoun nta', 'chkoun enta', 'chkon nta', 'chkoun ntouma', 'شكون نتا', 'شكون انت', 'شكون لي كيجاوب', 'شكون لي غادي يجاوبني', 'who will answer me', 'who go answer me', 'who is answering', 'qui va me repondre', 'qui me repond', 'wer antwortet mir', 'kaun jawab dega', 'kon jawab de raha hai', 'c qui', 'c qui ici', 'qui est la', 'c est qui ici', 'tu sers a quoi', 'vous servez a quoi', 'ca sert a quoi', 'sind sie', 'seid ihr', 'wer bist du', 'wer sind sie', 'cfare mund te besh', 'cfare mund te beni', 'cfare ben ti', 'kush je ti', 'kush jeni', 'q puedes hacer', 'que puedes hacer', 'que haces tu', 'sarkari number', 'ye sarkari', 'kaun ho', 'aap kaun', 'tum kaun', 'شو فيك تعمل', 'شو بتعمل', 'شكون انت', 'مين معايا', 'شنو تقدر', 'ko si ti', 'sta mozes', 'šta možeš', 'sta radis ti', 'apa yang bisa', 'bisa bantu apa', 'km bs apa', 'cerita lucu', 'cuento', 'nukta sunao', 'joke sunao', '3awd liya nokta', 'nokta', 'are you a man or a woman', 'you be man or woman', 'man or woman', 'un homme ou une femme', 'homme ou femme', 'mann oder frau', 'hombre o mujer', 'laki laki atau perempuan', 'cowok atau cewek', 'cowo apa cewe', 'burre apo grua', 'musko ili zensko', 'muško ili žensko', 'mard ho ya aurat', 'larka ho ya larki', 'راجل ولا مرا', 'راجل ولا ست', 'رجل ام امراه', 'rajel wla mra', 'are you a robot', 'r u a robot', 'are you a bot', 'are you human', 'are you a human', 'real human', 'who are you', 'what are you', 'what is this chat', 'what can you do', 'what can u do', 'what can u actually do', 'tu es un robot', 't es un robot', 'qui es tu', 'qui etes vous', 'انت مين', 'انت روبوت', 'من انت', 'mensch oder', 'bist du ein mensch', 'bist du ein bot', 'ne ki', 'eine ki', 'wer bist du', 'kamu bot', 'kakak bot', 'ini siapa', 'kush jeni', 'kush je', 'je robot', 'ko si ti', 'jesi li bot', 'eres un robot', 'eres humano', 'quien eres', 'aap kaun', 'tum kaun', 'kya tum robot', 'ini gratis', 'is it free', 'is this free', 'c est gratuit', 'cest gratuit', 'c gratuit', 'c est payant', 'cest payant', 'ist das kostenlos', 'ist es kostenlos', 'kostet das was', 'es gratis', 'es gratuito', 'muft hai', 'free hai', 'a eshte falas', 'eshte falas', 'je li besplatno', 'da li je besplatno', 'مجاني', 'ببلاش', 'بلاش', 'gratis kak', 'bayar gak',
  // who is behind the chat: the government, a company, an agency?
  'are you from the government', 'are you the government', 'are you government', 'is this the government', 'is this government', 'are you an agency', 'is this an agency', 'who is behind this', 'who runs this',
  'vous etes qui', 't es qui', 'c est qui', 'vous etes du gouvernement', 'c est le gouvernement', 'qui est derriere',
  'تبع الحكومه', 'من الحكومه', 'انتو مين', 'انتم مين', 'مين انتو', 'مين انت', 'انتي مين', 'انتم من', 'حكومي', 'شكون نتا', 'chkoun nta', 'chkon nta', 'achkoun nta', 'chkoun ntouma', 'wach nta robot',
  'seid ihr von der regierung', 'bist du von der regierung', 'wer seid ihr', 'wer steckt dahinter', 'kamu siapa', 'siapa kamu', 'dari pemerintah', 'kush jeni ju', 'nga qeveria', 'ko ste vi', 'jeste li iz vlade', 'quienes son', 'eres del gobierno', 'son del gobierno', 'aap kon', 'ap kaun', 'aap kaun hain', 'sarkari ho', 'sarkar se', 'are you real', 'are you a real person', 'who dey there', 'who be this', 'انت بوت', 'انتو بوت', 'ti si robot', 'ti si bot', 'jesi li robot', 'c est un robot', 'c un robot', 'est ce un robot', 'ap kon', 'tum kon', 'kon ho', 'kaun ho',
  // what the chat can do for the person
  'what can you help', 'what can u help', 'what can you help me with', 'what can u help me with', 'what can you help with', 'how can u help', 'what do you help with', 'what can you do for me', 'what can u do for me', 'how can you help', 'what do you do', 'wetin you fit do', 'wetin una dey do', 'wetin una de do', 'wetin you dey do', 'wetin una fit do', 'wetin una sabi do', 'what una dey do', 'what una do', 'wat una dey do', 'que peux tu faire', 'que pouvez vous faire', 'was kannst du', 'was konnt ihr', 'que puedes hacer', 'en que me puedes ayudar', 'bisa bantu apa', 'kya kar sakte', 'cfare mund te beni', 'sta mozes da uradis',
  'شو بتقدر', 'شو بتقدروا',
  // a robot or a person? in many words: "who you be sef? na robot?", "enta robot wala insan?", "bist du n bot?"
  'robot', 'roboter', 'bot', 'chatbot', 'ai', 'روبوت', 'بوت', 'روبوٹ', 'who you be', 'who be you', 'you be robot', 'enta robot', 'inta robot', 'enti robot', 'wala insan', 'insan wala', 'انت انسان', 'انسان ولا', 'آپ کون', 'آپ کون ہیں', 'تم کون', 'tu kon', 'aap insaan', 'kya aap insaan', 'a je njeri', 'je njeri', 'jesi li covek', 'jesi li čovek', 'jesi li ziv', 'jesi ti robot', 'jesi ti bot', 'jesi ti covek', 'pravi covek', 'ziv covek', 'ili covek', 'eres una persona', 'eres persona', 'kamu manusia', 'manusia atau', 'es tu humain', 'tu es humain', 'bist du echt', 'bist du n mensch',
  // a joke or a song asked of it: it says kindly what it is for
  'tell me a joke', 'a joke', 'joke', 'chiste', 'cuentame un chiste', 'blague', 'raconte une blague', 'witz', 'erzahl mir einen witz', 'lelucon', 'candaan', 'nukta', 'latifa', 'نكته', 'نكتة', 'نکتہ', 'lateefa', 'mizah', 'shaka', 'vic', 'ispricaj vic', 'cuento', 'شو بتقدري', 'شو فيكن', 'شو فيكم', 'شو بتعملوا', 'ايش تقدر', 'ايش تقدرون', 'ايه اللي تقدر', 'تقدروا تعملوا ايه', 'ماذا تستطيع', 'ماذا يمكنك', 'بماذا يمكنك', 'بماذا تساعد', 'شنو تكدرون', 'اشنو تقدر', 'شنو تقدر', 'chno t9der', 'achno t9der']);
/** Questions about the assistant as if it were a person ("where you dey based", "tu viens d'où", "udh nikah blm"): it says what it is. */
const PERSONAL = phraseSet([
  'where you from', 'where are you from', 'where r u from', 'where you dey', 'where you dey based', 'where are you based', 'are you married', 'you married', 'what is your name', 'what s your name', 'whats your name', 'your name', 'how old are you', 'are you a man', 'are you a woman', 'man or woman', 'boy or girl', 'are you real',
  'tu viens d ou', 'vous venez d ou', 'tu es d ou', 't es d ou', 'tu es marie', 'tu es mariee', 't es marie', 'c quoi ton nom', 'comment tu t appelles', 'tu t appelles comment', 'quel age as tu', 't as quel age', 'homme ou femme', 'tu es un homme', 'tu es une femme',
  'woher kommst du', 'woher bist du', 'wo kommst du her', 'bist du verheiratet', 'wie heisst du', 'wie alt bist du', 'mann oder frau', 'bist du ein mann', 'bist du eine frau',
  'de donde eres', 'de donde es usted', 'estas casado', 'estas casada', 'como te llamas', 'cuantos anos tienes', 'hombre o mujer',
  'udh makan blm', 'udah makan belum', 'udh makan belum', 'sudah makan belum', 'udah makan blm', 'kakak udh makan', 'lagi ngapain', 'asli mana', 'dari mana', 'kakak dari mana', 'kamu dari mana', 'udah nikah', 'udh nikah', 'sudah menikah', 'siapa namamu', 'nama kamu siapa', 'namanya siapa', 'umur berapa', 'cowok atau cewek', 'cowo apa cewe',
  'prej kah je', 'prej kah jeni', 'nga je', 'nga jeni', 'a je martu', 'je i martuar', 'je e martuar', 'si ta kane emrin', 'si quhesh', 'sa vjec je', 'mashkull apo femer',
  'odakle si', 'odakle ste', 'jesi ozenjen', 'jesi udata', 'kako se zoves', 'koliko imas godina', 'musko ili zensko', 'jesi musko', 'jesi zensko',
  'kahan se ho', 'aap kahan se hain', 'ap kahan se ho', 'tum kahan se ho', 'shadi shuda', 'shadi hui', 'aap ka naam', 'ap ka naam', 'tumhara naam', 'kitne saal', 'larka ho ya larki', 'mard ho ya aurat',
  'منين نتا', 'منين انت', 'من وين انت', 'من وين', 'انت منين', 'mnin nta', 'mnin nti', 'mn win', 'min wein', 'inta min wein', 'انت متزوج', 'متزوج', 'mtzawej', 'mzawej', 'شنو سميتك', 'ما اسمك', 'اسمك ايه', 'chno smitek', 'ismak eh', 'شحال فعمرك', 'كم عمرك', 'راجل ولا مرا', 'ولد ولا بنت',
]);

/** The person's own mood or weather, shared in passing ("i dey bored", "mir ist langweilig", "garmi bohat hai"): heard, and the question asked again. */
const MOOD = phraseSet([
  'i m bored', 'i am bored', 'im bored', 'i dey bored', 'bored', 'boring', 'so bored', 'i m tired', 'i am tired', 'im tired', 'i dey tire', 'tired', 'the heat', 'so hot', 'too hot', 'hot today', 'weather', 'raining', 'rain',
  'je m ennuie', 'je m ennuis', 'jm ennuie', 'je suis fatigue', 'je suis fatiguee', 'jsuis fatigue', 'fatigue', 'il fait chaud', 'trop chaud', 'la chaleur', 'il pleut', 'meteo',
  'mir ist langweilig', 'langweilig', 'ich bin mude', 'bin mude', 'mude', 'so heiss', 'zu heiss', 'hitze', 'wetter', 'es regnet', 'regen',
  'estoy aburrido', 'estoy aburrida', 'aburrido', 'estoy cansado', 'estoy cansada', 'cansado', 'que calor', 'mucho calor', 'calor', 'llueve', 'lluvia',
  'bosen', 'bosen bgt', 'gabut', 'capek', 'cape', 'lelah', 'panas', 'panas bgt', 'hujan', 'ujan', 'cuaca',
  'jam merzit', 'mërzitem', 'merzitem', 'jam i lodhur', 'jam i lodhun', 'jam e lodhur', 'i lodhun', 'i lodhur', 'vape', 'nxehte', 'shi', 'bie shi',
  'dosadno mi je', 'dosadno', 'umoran sam', 'umorna sam', 'umoran', 'umorna', 'vrucina', 'vruce', 'pada kisa', 'kisa',
  'bore ho raha', 'bore ho rahi', 'bore', 'thak gaya', 'thak gayi', 'thaka hua', 'garmi', 'bohat garmi', 'bahut garmi', 'barish', 'baarish',
  'زهقت', 'مزهوق', 'ملل', 'مليت', 'عييت', 'تعبان', 'تعبانه', 'حر', 'الحر', 'السخونه', 'الجو', 'شتا', 'المطر', 'ضايج', 'ضجران', 'mlit', '3yit', 'te3ban', '3yan', 'l7er', 'skhana', 'ljaw', 'zhe9t',
]);

const ONLY_SIGNS = /^(?:\s|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)+$/u;
const THANKFUL_SIGN = /🙏|❤|🥰|😍|💐/u;

/** "haha", "jajaja", "wkwkwk", "xD", "هههه", "lol": a laugh, an ok. */
const LAUGHTER = /^(?:(?:[hj][aeiu]){2,}h?|(?:wk){2,}|x+d+|l+o+l+|ه{3,}|h{3,})$/u;

/** "you are useless", "tum bilkul bekar ho": said kindly sorry, and a person offered. */
const COMPLAINT = phraseSet(['useless', 'you are useless', 'u are useless', 'not helpful', 'no help', 'stupid bot', 'you no sabi', 'you no dey help', 't es nul', 'tu es nul', 'c est nul', 'vraiment nul', 'tu sers a rien', 'tu ne sers a rien', 'sers a rien', 'nutzlos', 'du bist nutzlos', 'bringt nichts', 'hilfst nicht', 'inutil', 'no sirves', 'no sirves para nada', 'no ayudas', 'gak berguna', 'tidak berguna', 'ga guna', 'nggak membantu', 'bekar ho', 'bekaar ho', 'bilkul bekar', 'tum bekar', 'faltu ho', 'faltu bot', 'kisi kaam ke nahi', 'kuch nahi batate', 'بیکار', 'فضول', 'ما بتفهم', 'ما تفهم', 'ماتفهم', 'مش فاهم حاجه', 'مش مفيد', 'ما فيك فايده', 'بلا فايده', 'ما تنفع', 'مابتنفع', 'ma kat fhem walo', 'ma kat3ref walo', 'nuk ben', 'nuk je i dobi', 'i kote', 'beskoristan', 'beskorisno', 'ne pomazes', 'ne pomažeš', 'glup si',
  // "ihr antwortet nie richtig", "you never understand", "tu comprends rien"
  'antwortet nie', 'antwortest nie', 'nie richtig', 'nie eine antwort', 'verstehst nichts', 'versteht nichts', 'never answer', 'never understand', 'don t understand anything', 'understand nothing', 'tu comprends rien', 'comprends rien', 'no entiendes nada', 'no entiendes', 'ne razumes nista', 'ne razumes', 'gak ngerti', 'ga ngerti', 'nggak ngerti', 'samajh nahi aata', 'kuch samajh nahi', 'nuk kupton', 'ma katfhem walo', 'ما كتفهم والو',
  // the answer not understood by the person: "ana ma fhmtch walo", "je comprends rien", "samajh nahi aaya"
  'i don t understand', 'i dont understand', 'i do not understand', 'i no understand', 'i no understand am', 'i never understand', 'i didn t understand', 'i did not understand',
  'je ne comprends pas', 'je comprends pas', 'j ai pas compris', 'jai pas compris', 'j ai rien compris', 'jai rien compris', 'je n ai pas compris', 'pas compris',
  'ich verstehe nicht', 'ich verstehe das nicht', 'versteh ich nicht', 'verstehe ich nicht', 'ich verstehe nichts', 'nicht verstanden', 'no entiendo', 'no entendi', 'no entiendo nada',
  'samajh nahi aaya', 'samajh nahi aya', 'samajh nahi ayi', 'kuch samajh nahi', 'samajh nahi aa raha', 'سمجھ نہیں آیا', 'سمجھ نہیں آئی', 'کچھ سمجھ نہیں',
  'ma fhmtch', 'ma fhemtch', 'mafhemtch', 'mafhmtch', 'ma fhmt walo', 'ma fhemt walo', 'مافهمتش', 'ما فهمتش', 'ما فهمت شي', 'لم افهم', 'مش فاهم', 'ما فهمت', 'مافهمت',
  'saya tidak mengerti', 'aku gak ngerti', 'gak ngerti', 'gk ngerti', 'ga ngerti', 'nggak ngerti', 'gak paham', 'ga paham', 'nuk kuptova', 'nuk e kuptoj', 'nuk kuptoj', 'ne razumem', 'nisam razumeo', 'nisam razumela', 'ne kapiram']);

/** Fear said, not a danger described: "mujhe darr lag raha hai", "j'ai peur", "i dey fear". A kind word and a person offered. */
const AFRAID = phraseSet([
  'i m scared', 'i am scared', 'im scared', 'i m afraid', 'i am afraid', 'im afraid', 'i dey fear', 'i dey fear o', 'i fear', 'i m worried', 'i am worried', 'im worried', 'i m nervous', 'i am nervous',
  'j ai peur', 'jai peur', 'j ai un peu peur', 'je suis inquiet', 'je suis inquiete', 'je stresse', 'ich habe angst', 'ich hab angst', 'hab angst', 'ich mache mir sorgen', 'tengo miedo', 'estoy preocupado', 'estoy preocupada',
  'darr lag raha', 'darr lag rahi', 'dar lag raha', 'dar lag rahi', 'mujhe darr', 'mujhe dar', 'ڈر لگ رہا', 'ڈر لگتا', 'مجھے ڈر', 'pareshan hoon', 'fikar ho rahi',
  'saya takut', 'aku takut', 'takut banget', 'aku khawatir', 'saya khawatir', 'kam frike', 'kam frikë', 'me vjen frike', 'plasim se', 'bojim se', 'strah me je',
  'خايف', 'خايفه', 'انا خايف', 'انا خايفة', 'اخاف', 'أخاف', 'عندي خوف', 'khayef', 'khayfa', 'ana khayef', 'kan5af', 'kankhaf',
]);

const OK = phraseSet(['dacc', 'dak', 'okej', 'okay okay', 'ok ok', 'ah ok', 'ah ok ok', 'listo', 'va', 'vale vale', 'oh gitu', 'gitu', 'paham', 'oke paham', 'razumem', 'razumijem', 'jasno', 'kuptova', 'e kuptova', 'mire pra', 'samajh gaya', 'samajh gayi', 'samjha', 'theek', 'c bon', 'entendu', 'ah bon', 'compris merci', 'klar', 'alles klar', 'verstanden danke', 'wakha', 'fhmt', 'fhemt', 'فهمت', 'مفهوم', 'تمام', 'ok', 'okay', 'okey', 'oki', 'k', 'alright', 'all right', 'fine', 'good', 'd accord', 'dac', 'tamam', 'تمام', 'طيب', 'ماشي', 'حسنا', 'wakha', 'mzyan', 'theek hai', 'thik hai', 'acha', 'achha', 'accha', 'ٹھیک ہے', 'gut', 'okay danke', 'oke', 'baik', 'siap', 'mire', 'ne rregull', 'dobro', 'u redu', 'vazi', 'vale', 'bueno', 'perfecto', 'cool', 'perfect', 'parfait', 'perfekt', 'super', 'top', 'nice', 'sip', 'mantap', 'oke deh', 'understood', 'got it', 'compris', 'verstanden']);
const BYE = phraseSet(['i go come back', 'i go come back tomorrow', 'come back tomorrow', 'i will come back', 'on se reparle', 'on se parle plus tard', 'je dois y aller', 'jdois y aller', 'je dois partir', 'a demain', 'a demain inchallah', 'خدا حافظ', 'اللہ حافظ', 'phir baat hogi', 'phir baat karte', 'baad mein baat', 'udah dulu', 'udh dulu', 'besok chat lagi', 'ich schreib morgen', 'ich schreibe morgen wieder', 'bis morgen', 'hasta manana', 'nos hablamos', 'flasim neser', 'shihemi', 'vidimo se sutra', 'cujemo se', 'bslama 3likom', 'tsbah 3la khir', 'نتلاقاو', 'بسلامة', 'bye', 'goodbye', 'good bye', 'see you', 'au revoir', 'a plus', 'tschuss', 'auf wiedersehen', 'schonen tag', 'schones tag', 'schoenen tag', 'schoenes tag', 'schonen abend', 'schones wochenende', 'schonen tag noch', 'dadah', 'sampai jumpa', 'mirupafshim', 'ciao', 'vidimo se', 'adios', 'hasta luego', 'khuda hafiz', 'allah hafiz', 'مع السلامه', 'بسلامه', 'bslama', 'good night', 'bonne nuit', 'gute nacht', 'laku noc', 'selamat tinggal', 'ma3a salama', 'm3a salama', 'naten e mire', 'buenas noches', 'تصبح على خير', 'shab bakhair',
  // good wishes at parting: "bonne journée", "have a nice day", "schönen Abend noch", "din acha guzre"
  'bonne journee', 'bonne soiree', 'bonne fin de journee', 'bonne continuation', 'a bientot', 'a plus tard', 'have a nice day', 'have a good day', 'have a great day', 'have a nice evening', 'nice day', 'take care', 'see you later', 'talk later', 'talk to you later', 'later bro', 'until next time',
  // the person will come back later: "je vais écrire demain", "I'll text tomorrow", "kal baat karte hain"
  'je vais ecrire demain', 'j ecrirai demain', 'je vous ecris demain', 'je t ecris demain', 'je reviens demain', 'je reviendrai', 'je reviens plus tard', 'i will write tomorrow', 'i ll write tomorrow', 'i will text tomorrow', 'i ll text tomorrow', 'i will come back later', 'i ll come back later', 'talk tomorrow', 'i ll write later', 'i will write later',
  'ich schreibe morgen', 'ich schreibe spater', 'ich melde mich morgen', 'ich melde mich spater', 'te escribo manana', 'te escribo luego', 'le escribo manana', 'vuelvo manana', 'nanti saya chat lagi', 'besok saya chat lagi', 'besok aku chat lagi', 'kal baat karte hain', 'kal message karunga', 'kal likhunga', 'pisacu sutra', 'javicu se sutra', 'do te shkruaj neser', 'بكتبلك بكره', 'نكتبلك غدا', 'نرجع غدا', 'ساكتب لك غدا', 'منرجع من بعد',
  'schonen tag noch', 'schonen abend', 'schonen abend noch', 'einen schonen tag', 'bis bald', 'bis dann', 'mach s gut', 'que tenga buen dia', 'que tengas buen dia', 'que tenga un buen dia', 'feliz dia', 'cuidate', 'nos vemos', 'prijatan dan', 'lep dan', 'lijep dan', 'cuvaj se', 'dite te mbare', 'dite te mire', 'kalofsh mire', 'shihemi', 'semoga harimu menyenangkan', 'semoga hari anda menyenangkan', 'selamat beraktivitas', 'sampai nanti', 'hati hati', 'din acha guzre', 'apna khayal rakhna', 'phir milenge', 'نهارك سعيد', 'يومك سعيد', 'نهار سعيد', 'نهارك مبروك', 'nharek mabrouk', 'nharek zin', 'في امان الله', 'fi aman allah', 'bslama 3lik']);
/** "wait small", "une seconde", "ek minute", "tunggu ya": the person needs a moment; the question waits for them. */
const WAIT = phraseSet(['wait', 'wait small', 'wait a bit', 'wait a minute', 'wait a moment', 'wait a sec', 'one moment', 'one sec', 'one second', 'one minute', 'a moment', 'just a moment', 'just a sec', 'just a minute', 'hold on', 'give me a minute', 'give me a moment', 'give me a sec', 'hang on', 'make i check', 'make i find am', 'min', 'sec',
  'attends', 'attendez', 'une seconde', 'une minute', 'un instant', 'un moment', 'deux secondes', 'deux minutes', 'je regarde', 'je cherche', 'moment', 'moment bitte', 'einen moment', 'augenblick', 'sekunde', 'kurz warten', 'warte', 'warten sie', 'momento', 'un momento', 'un segundo', 'espera', 'espere', 'esperame', 'dame un momento', 'dame un segundo',
  'tunggu', 'tunggu ya', 'tunggu sebentar', 'sebentar', 'bentar', 'sbntr', 'tunggu bentar', 'prit', 'prit pak', 'prisni', 'nje minute', 'nje moment', 'nje sekonde', 'sacekaj', 'sacekajte', 'cekaj', 'samo malo', 'trenutak', 'momenat', 'sekund', 'minut',
  'ek minute', 'ek minut', 'ek second', 'ek sec', 'ruko', 'ruken', 'ruk jao', 'zara ruko', 'thoda ruko', 'ek lamha', 'رکو', 'ایک منٹ', 'tsanna', 'tsena', 'tsna', '9llil', 'chwiya', 'wahed d9i9a', 'استنى', 'استنا', 'انتظر', 'لحظه', 'لحظة', 'دقيقه', 'ثانيه', 'شويه', 'تسنى', 'lahza', 'da9i9a', 'd9i9a', 'stanna']);
/** "nice to meet you", "enchanté", "amen", "inshallah", "no wahala", "sorry for the late reply", "you too": kind words that ask nothing. */
const KIND_WORDS = phraseSet([
  'hm', 'hmm', 'hmmm', 'hmmmm', 'no problem', 'no problems', 'no worries', 'no wahala', 'no wahala o', 'koi baat nahi', 'koi masla nahi', 'koi masla nai', 'pas de souci', 'pas de soucis', 'pas de probleme', 'pas grave', 'kein problem', 'kein ding', 'alles gut', 'no pasa nada', 'no hay problema', 'sin problema', 'nema problema', 'nema frke', 'nema veze', 's ka problem', 'ska problem', 'nuk ka problem', 'gak papa', 'ga papa', 'gapapa', 'nggak apa apa', 'tidak apa apa', 'ماشي مشكل', 'مافي مشكله', 'ما في مشكله', 'مش مشكله', 'لا مشكله', 'machi mochkil', 'mashi mochkil', 'makayn mochkil',
  'sorry', 'sorry for the late reply', 'sorry for late reply', 'sorry for the delay', 'sorry i was busy', 'desole', 'desolee', 'pardon', 'excusez moi', 'entschuldigung', 'sorry fur die verspatung', 'perdon', 'perdona', 'lo siento', 'maaf', 'maaf ya', 'maaf telat', 'izvini', 'izvinite', 'me fal', 'me falni', 'na vjen keq', 'maafi', 'maaf kijiye', 'maazrat', 'آسف', 'معذره', 'سامحني', 'smhli', 'sme7li', 'سمحلي', 'معافی',
  'you too', 'same to you', 'same here', 'toi aussi', 'vous aussi', 'pareillement', 'gleichfalls', 'ebenfalls', 'dir auch', 'ihnen auch', 'igualmente', 'tu tambien', 'usted tambien', 'aap bhi', 'ap bhi', 'tum bhi', 'kamu juga', 'anda juga', 'kakak juga', 'edhe ti', 'edhe ju', 'i tebi', 'i vama', 'takodje', 'وانت كمان', 'انت كمان', 'وانت ايضا', 'وانت بعد', 'وانتي كمان', 'nta tani', 'nti tani', 'حتى نتا', 'حتى انت','nice to meet you', 'pleased to meet you', 'enchante', 'enchantee', 'ravi de vous connaitre', 'freut mich', 'sehr erfreut', 'encantado', 'encantada', 'mucho gusto', 'senang berkenalan', 'gezohem', 'drago mi je', 'milkar khushi hui', 'تشرفنا', 'تشرفت', 'متشرف', 'ameen', 'amin', 'amen', 'آمین', 'امين', 'آمين', 'inshallah', 'insha allah', 'inchallah', 'inshaallah', 'nchallah', 'ان شاء الله', 'انشاء الله', 'انشالله', 'noted', 'bien recu', 'bien note', 'much appreciated', 'cheers']);
/** How the person came to the chat ("a friend gave me this number", "یہ نمبر مجھے دوست نے دیا"): an opening, like a greeting; it asks nothing. */
const REFERRED = phraseSet(['a friend gave me this number', 'my friend gave me this number', 'a friend gave me your number', 'my friend gave me your number', 'got this number from a friend', 'got your number from a friend', 'got this number from my friend', 'my friend told me about you', 'a friend told me about you', 'a friend sent me', 'my friend sent me',
  'un ami m a donne ce numero', 'mon ami m a donne ce numero', 'une amie m a donne ce numero', 'on m a donne ce numero', 'j ai eu ce numero par un ami', 'ein freund hat mir die nummer gegeben', 'ein freund hat mir diese nummer gegeben', 'ich habe die nummer von einem freund', 'un amigo me dio este numero', 'una amiga me dio este numero', 'me pasaron este numero', 'teman kasih nomor ini', 'dapat nomor dari teman', 'dikasih nomor sama teman', 'nje shok ma dha kete numer', 'drug mi je dao ovaj broj', 'dobio sam broj od druga',
  'یہ نمبر مجھے دوست نے دیا', 'مجھے دوست نے یہ نمبر دیا', 'دوست نے یہ نمبر دیا', 'دوست نے نمبر دیا', 'ye number mujhe dost ne diya', 'mujhe dost ne ye number diya', 'dost ne number diya', 'dost ne ye number diya', 'number dost se mila',
  'صاحبي عطاني هاد الرقم', 'صاحبي عطاني الرقم', 'صاحبي اعطاني الرقم', 'صاحبي ادانى الرقم', 'واحد صاحبي اداني الرقم ده', 'صديقي اعطاني هذا الرقم', 'صديق اعطاني الرقم', 'رفيقي عطاني الرقم', 'sa7bi 3tani had numero', 'sahbi 3tani lnumero']);

/** Words that may stand around courtesy without making it a question. */
const FILLER = new Set(words('bezzaf barcha nih dong deh sih bitte favor porfa svp stp molim malo tolong ihr total voll echt wirklich tell me pls plz please funny raconte moi une un cuentame erzahl mir einen sef na abeg wahala tum bilkul ho hain aap ap ye yeh hai du bist n ein digga alter bro bruder ti je si ya wala ou or oder ili apo atau kamu lu lo ente enta inta انت انتي enti ma nta nti ' + 'o oh ok okay okk lol haha hehe jaja so very much much so a lot bhai yar khoya khouya my broda brother sister sir boss madam kak ya dong sih ya ji ok great cool nice and also too u you y ustedes vous tu toi dir dich euch 3afak bzaf ktir baba pasha يا باشا ابو الله يخليك again exactly really actually بالظبط بالضبط يعني ولا ايه exactement genau eigentlich sebenarnya tacno exactamente realmente for the help helpful your per ndihmen za pomoc por la ayuda pour l aide fur die hilfe atas bantuannya all right alright then alors dann entonces pues noch dir today aujourd hui heute hoy e es'));

/** Words that may stand around "who are you" ("… from the government?", "تبع الحكومة ولا ايه"). */
const WHO_CONTEXT = new Set(words(
  'government gouvernement regierung gobierno pemerintah qeveria qeverise vlada vlade vladi sarkar sarkari hukumat الحكومه حكومه حكومي الدوله دوله state etat staat estado negara shteti drzava company firma agency agence agentur agencia ngo ong ' +
  'the from von der die de la del el du des dari nga iz od ka ki تبع or ou oder o atau apo ili ya chat this ce ceci dieser diesem este ini kjo ovaj ovo'));

/**
 * The courtesy a message is, when it is nothing else: every word is a greeting, thanks, small
 * talk or filler. "thanks, and how long does it take?" is a question, not courtesy.
 */
/**
 * What still says courtesy inside a longer message: not a greeting or an ok, which open questions too
 * ("hello, can i get a visa for canada?" stays a question the assistant declines).
 */
const SAID_IN_PASSING = [['complaint', COMPLAINT], ['afraid', AFRAID], ['whoAreYou', WHO_ARE_YOU], ['whoAreYou', PERSONAL], ['howAreYou', HOW_ARE_YOU], ['thanks', THANKS], ['bye', BYE], ['ok', FINE], ['ok', MOOD]] as const;

/** When a message says several kinds of courtesy, the one answered. */
const STRONGEST_FIRST: readonly Courtesy[] = ['complaint', 'afraid', 'whoAreYou', 'howAreYou', 'thanks', 'bye', 'greeting', 'ok'];

/** Each kind of courtesy and the words that say it, strongest first. */
const SETS = [['complaint', COMPLAINT], ['afraid', AFRAID], ['whoAreYou', WHO_ARE_YOU], ['howAreYou', HOW_ARE_YOU], ['thanks', THANKS], ['bye', BYE], ['greeting', GREETING], ['ok', OK], ['ok', FINE], ['ok', MOOD], ['whoAreYou', PERSONAL], ['ok', KIND_WORDS], ['ok', WAIT], ['greeting', REFERRED]] as const;

/** A greeting formula anywhere in the message ("salam aleykoum nanga def"): words shared by many languages. */
export function hasGreeting(text: string): boolean {
  return GREETING.has(words(text));
}

/** The words after an opening greeting ("hi i need appointment in accra": "i need appointment in accra"). */
export function afterGreeting(tokens: readonly string[]): readonly string[] {
  const hit = GREETING.find(tokens);
  return hit?.at === 0 ? tokens.slice(hit.length) : tokens;
}

export function recogniseCourtesy(text: string): Courtesy | undefined {
  // A turn asks several times about the same message (the language, the greeting, the step).
  if (text !== last.text) last = { text, courtesy: courtesyOf(text) };
  return last.courtesy;
}

let last: { text: string; courtesy: Courtesy | undefined } = { text: '', courtesy: undefined };

/**
 * Courtesy told at length ("i just want to say thank you for yesterday, my wife too say make i tell you
 * thank you"), or with news of the day ("a demain inchallah, jdois y aller"): read only once the knowledge
 * base found no question in the message, so words of courtesy anywhere in it are what it says.
 */
export function courtesyInPassing(text: string): Courtesy | undefined {
  const tokens = words(text);
  if (!tokens.length || tokens.length > 40) return undefined;
  const found = anchors(tokens, SAID_IN_PASSING);
  // "i'm tired of waiting, what can i do?": a mood beside a question is no courtesy.
  if (found.every((f) => f.kind === 'ok') && endsAsQuestion(text)) return undefined;
  return STRONGEST_FIRST.find((k) => found.some((f) => f.kind === k));
}

function anchors(tokens: readonly string[], sets: typeof SETS | typeof SAID_IN_PASSING = SETS): { kind: Courtesy; at: number; length: number }[] {
  const found: { kind: Courtesy; at: number; length: number }[] = [];
  for (const [kind, set] of sets) {
    let rest = [...tokens];
    let hit = set.find(rest);
    while (hit) {
      found.push({ kind, at: hit.at, length: hit.length });
      rest = rest.map((t, i) => (i >= hit!.at && i < hit!.at + hit!.length ? '\u0000' : t));
      hit = set.find(rest);
    }
  }
  return found;
}

function courtesyOf(text: string): Courtesy | undefined {
  const tokens = words(text);
  // Only signs: 👍 and 👌 are an ok, 🙏 and ❤️ thanks.
  if (!tokens.length) return ONLY_SIGNS.test(text) ? (THANKFUL_SIGN.test(text) ? 'thanks' : 'ok') : undefined;
  if (tokens.length > 12) return undefined;
  if (tokens.every((t) => LAUGHTER.test(t))) return 'ok';
  const found = anchors(tokens);
  if (!found.length) return undefined;
  const covered = new Set<number>();
  for (const f of found) for (let i = f.at; i < f.at + f.length; i++) covered.add(i);
  const who = found.some((f) => f.kind === 'whoAreYou');
  const rest = tokens.filter((t, i) => !covered.has(i) && !FILLER.has(t) && !(who && WHO_CONTEXT.has(t)));
  // One or two unknown words are allowed in small talk ("merci bzaf khoya", "tank u my broda").
  if (rest.length > 2) return undefined;
  // "ok" stands alone or with courtesy only: "ok visa?", "good job offers" are questions.
  if (rest.length && found.every((f) => f.kind === 'ok')) return undefined;
  return STRONGEST_FIRST.find((k) => found.some((f) => f.kind === k));
}
