/**
 * A concept lexicon of the domain: the words people use for a passport, an agent, a boat, a
 * salary... in the nine languages, their scripts and their common spellings (Arabizi with 3/7/9/5,
 * Roman Urdu, Pidgin, Darija), mapped to one shared concept. The retriever adds the concept as a
 * feature, so "paspor", "جواز", "pasaporte" and "passport" meet even when no example question
 * used that spelling. A form ending in "*" matches any word that starts with it.
 * Forms are written as foldText leaves them (lower case, no accents, Arabic letter variants
 * folded: ة→ه, ى/ی/ے→ي, أ/إ/آ→ا, ك→ک).
 */
import { foldText } from '../core/normalize.js';

const LEXICON: Record<string, string[]> = {
  passport: [
    'passport*', 'pasport*', 'paspor*', 'pasaport*', 'passeport*', 'reisepass*', 'pass', 'pasos', 'pasosh*', 'pasaporta*',
    'pasoshi', 'جواز', 'جوازي', 'جوازات', 'باسبور', 'الباسبور', 'باسپورٹ', 'پاسپورٹ', 'پاسپورت', 'بسبور', 'paspoor', 'baspor', 'basbor', 'passpor', 'jawaz', 'jawez', 'jwaz', 'pasaporti', 'pasosin', 'pasosh', 'pasaportin',
  ],
  documents: [
    'document*', 'dokument*', 'papiers', 'papier', 'papers', 'papel*', 'dokumen', 'dokumente', 'dokumenta*', 'evrak*', 'isprav*', 'akt', 'certificat*', 'zertifikat*', 'sertifik*', 'certifikat*',
    'وثائق', 'وثيقه', 'اوراق', 'الاوراق', 'اوراقي', 'مستندات', 'شهاده', 'کاغذات', 'دستاويزات', 'kaghzat', 'kagzat', 'kaagzat', 'wraq', 'lwra9', 'lawra9', 'awraq', 'surat', 'ijazah', 'akta', 'attest*', 'apostil*', 'تصديق',
  ],
  visa: [
    'visa*', 'visum*', 'vize', 'vizu', 'viza', 'vizen', 'vizat', 'vizes', 'vizë', 'viz', 'fiza', 'fisa', 'feeza', 'veeza', 'veza', 'فيزا', 'الفيزا', 'فيزه', 'تاشيره', 'التاشيره', 'ويزا', 'ويزه', 'viza*',
  ],
  work: [
    'work*', 'job', 'jobs', 'arbeit*', 'travail*', 'travailler', 'trabaj*', 'empleo', 'kerja', 'bekerja', 'pekerjaan', 'pun*', 'posao', 'poslo*', 'posl*', 'rad', 'raditi', 'radim', 'naukri', 'nokri', 'nowkri', 'kaam', 'rozgar',
    'shaghal', 'shoghl', 'shogl', 'khedma', 'khdma', 'lkhedma', 'lkhdma', 'nkhdem', 'nekhdem', 'nkhdm', 'khdem', 'shughl', 'ishtghal', 'شغل', 'الشغل', 'شغلي', 'عمل', 'العمل', 'خدمه', 'الخدمه', 'نخدم', 'اشتغل', 'وظيفه', 'وظيفة', 'نوکري', 'کام', 'روزگار', 'ملازمت', 'mulazmat',
  ],
  salary: [
    'salary', 'salaries', 'wage*', 'pay', 'paid', 'lohn*', 'gehalt*', 'verdien*', 'salaire*', 'paye', 'salario*', 'sueldo*', 'gaji', 'upah', 'plata', 'plate', 'rroga', 'rrog*', 'paga', 'pagë', 'tankhwah', 'tankhah', 'tankha', 'tankhwa', 'salri',
    'راتب', 'الراتب', 'مرتب', 'المرتب', 'اجر', 'اجور', 'الاجور', 'خلاص', 'الخلاص', 'تنخواه', 'تنخواہ', 'تنخوا', 'معاوضه', 'ratib', 'ratb', 'mortab', 'khlas', 'lkhlas', 'mindestlohn*', 'smic',
  ],
  agent: [
    'agent*', 'agenc*', 'agenz*', 'agencij*', 'agjenc*', 'agjent*', 'recruit*', 'vermittl*', 'recruteur*', 'reclut*', 'agen', 'calo', 'sponsor', 'perantara', 'posrednik*', 'posredn*', 'ndermjet*', 'samsar', 'simsar', 'wasit',
    'ايجنت', 'ايجنٹ', 'اجنت', 'وكيل', 'الوكيل', 'سمسار', 'السمسار', 'وسيط', 'مكتب', 'المکتب', 'المكتب', 'مکتب', 'ejent', 'ajent', 'maktab', 'lmaktab',
  ],
  fee: [
    'fee', 'fees', 'charge*', 'gebuhr*', 'frais', 'tarif*', 'tasa', 'tasas', 'biaya', 'taksa', 'takse', 'tarifa', 'naknad*', 'pristojb*', 'fees', 'fis', 'kharcha', 'kharch', 'kharchay', 'rusum', 'rasoom',
    'رسوم', 'الرسوم', 'مصاريف', 'تکلفه', 'تكلفه', 'التکلفه', 'فيس', 'خرچه', 'خرچ', 'masarif', 'taklefa', 'taklifa', 'rsoum',
  ],
  money: [
    'money', 'cash', 'geld', 'argent', 'dinero', 'uang', 'duit', 'novac', 'novca', 'lek', 'leke', 'paise', 'paisay', 'paisa', 'pese', 'pesa', 'lakh', 'lac', 'rupee*', 'euro*', 'dollar*',
    'فلوس', 'الفلوس', 'مال', 'المال', 'مبلغ', 'پيسے', 'پيسه', 'روپے', 'لاکھ', 'flous', 'flus', 'fulus', 'mbl8', 'mablagh', 'dirham*',
  ],
  boat: [
    'boat*', 'ship', 'sea', 'boot', 'boote', 'meer', 'bateau*', 'mer', 'barque', 'zodiac', 'patera', 'barco', 'cayuco', 'mar', 'kapal', 'perahu', 'laut', 'camac', 'brod', 'varka', 'barke', 'kashti', 'kishti', 'samundar', 'samandar',
    'قارب', 'القارب', 'مركب', 'المركب', 'بوطي', 'البوطي', 'لبوطي', 'فلوکه', 'بحر', 'البحر', 'کشتي', 'سمندر', 'boti', 'lbouti', 'botti', 'lboti', 'l9areb', 'qareb', 'markeb', 'lb7ar', 'bahr', 'b7ar', '7rig', 'l7rig', 'harga', 'hrig', 'حريک', 'الحريک', 'حراقه', 'lbahr',
  ],
  smuggler: [
    'smuggl*', 'schleus*', 'schlepper*', 'passeur*', 'passeurs', 'traficant*', 'contraband*', 'coyote', 'penyelundup*', 'krijumcar*', 'kriumcar*', 'shverc*', 'kontrabandist*', 'trafikant*',
    'مهرب', 'المهرب', 'مهربين', 'تهريب', 'dunki', 'donki', 'dunky', 'ڈنکي', 'ڈنکی', 'mohareb', 'muharrib', 'lmhareb',
  ],
  irregular: [
    'illegal*', 'irregul*', 'ilegal*', 'illegaux', 'clandestin*', 'sans papiers', 'undocumented', 'ilegaln*', 'nelegaln*', 'bina visa', 'baghair visa',
    'غير قانوني', 'غير شرعي', 'بدون فيزا', 'تهريب', 'غيرقانوني',
  ],
  wife: [
    'wife', 'husband', 'spouse', 'ehefrau', 'ehemann', 'frau', 'mann', 'ehepartner', 'epouse', 'mari', 'femme', 'esposa', 'esposo', 'marido', 'mujer', 'istri', 'suami', 'zena', 'zenu', 'supruga', 'suprug', 'muz', 'bashkeshort*', 'grua', 'gruaja', 'burri', 'burrin',
    'زوجه', 'زوجتي', 'الزوجه', 'مراتي', 'مرتي', 'زوجي', 'جوزي', 'راجلي', 'بيوي', 'بيوي', 'شوهر', 'ميان', 'biwi', 'biwi', 'bivi', 'begum', 'shohar', 'shauhar', 'mrati', 'mrat', 'zawja', 'zawjti', 'rajli', 'missus',
  ],
  children: [
    'child*', 'kids', 'kid', 'daughter', 'kinder', 'sohn', 'tochter', 'enfant*', 'fils', 'fille', 'hijo*', 'hija*', 'ninos', 'anak', 'dete', 'deca', 'decu', 'femije*', 'femij*', 'bachay', 'bache', 'bachon', 'bachhe', 'bachay', 'beta', 'beti',
    'اولاد', 'الاولاد', 'اطفال', 'الاطفال', 'ولادي', 'بچے', 'بچوں', 'بچي', 'بيٹا', 'بيٹي', 'wladi', 'awlad', 'atfal', 'pikin', 'pikin*',
  ],
  family: [
    'family', 'famil*', 'reunif*', 'reunion', 'nachzug', 'familiennachzug', 'keluarga', 'porodic*', 'spajanj*', 'bashkim*', 'familje*',
    'عائله', 'العائله', 'اسره', 'الاسره', 'لم شمل', 'لمشمل', 'شمل', 'فيملي', 'خاندان', 'gharwale', 'ghar walon', 'lam shaml', 'l3a2ila', 'la3ila', 'famiglia',
  ],
  nurse: [
    'nurs*', 'pflege*', 'krankenpfleg*', 'infirmi*', 'enfermer*', 'perawat*', 'medicinsk*', 'sestra', 'medicinska', 'infermier*', 'care', 'caregiver', 'carer', 'altenpfleg*', 'aide soignant*', 'cuidador*', 'kujdestar*', 'negovatelj*',
    'ممرض', 'ممرضه', 'الممرض', 'تمريض', 'التمريض', 'نرس', 'نرسنگ', 'momarid', 'momarida', 'momardha', 'mmrda', 'mumarrid', 'tamrid', 'infirmiya', 'infirmier',
  ],
  student: [
    'stud*', 'universit*', 'univerzit*', 'universitet*', 'masters', 'master', 'bachelor', 'degree', 'hochschul*', 'etudi*', 'fac', 'kuliah', 'mahasiswa', 'kampus', 'fakultet*', 'fakultet', 'studim*', 'parhai', 'padhai', 'parhna', 'jamia',
    'دراسه', 'الدراسه', 'جامعه', 'الجامعه', 'طالب', 'طلاب', 'ماستر', 'پڑھائي', 'يونيورسٹي', 'جامعہ', 'l9raya', 'qraya', 'dirasa', 'jami3a', 'blocked', 'sperrkonto',
  ],
  language: [
    'german', 'deutsch*', 'allemand', 'aleman', 'bahasa jerman', 'nemack*', 'gjermanisht*', 'almani', 'almaniya', 'germani', 'language', 'sprach*', 'langue', 'idioma', 'bahasa', 'jezik*', 'gjuh*', 'zuban', 'zaban', 'lugha', 'goethe', 'telc', 'a1', 'a2', 'b1', 'b2', 'c1',
    'الماني', 'الالماني', 'الالمانيه', 'لغه', 'اللغه', 'جرمن', 'زبان', 'lalmania', 'lalmaniya', 'lugha', 'logha', 'niveau', 'level', 'nivel', 'niveli', 'nivo',
  ],
  germany: [
    'germany', 'deutschland', 'allemagne', 'alemania', 'jerman', 'nemack*', 'gjermani*', 'almania', 'almanya', 'lalmaniya', 'almaniya', 'germani', 'jarmani', 'jermany', 'jamani',
    'المانيا', 'لالمانيا', 'بالمانيا', 'فالمانيا', 'جرمني', 'جرمنی',
  ],
  return: [
    'return*', 'go back', 'going back', 'come back', 'came back', 'back home', 'ruckkehr*', 'zuruck*', 'retour*', 'rentrer', 'revenir', 'rentre', 'retorn*', 'volver', 'regres*', 'kembali', 'pulang', 'povrat*', 'vratiti', 'vratio', 'vratila', 'kthim*', 'kthehem', 'kthye*', 'u ktheva', 'wapas', 'wapis', 'wapsi', 'waapas',
    'رجوع', 'الرجوع', 'العوده', 'عوده', 'رجعت', 'نرجع', 'ارجع', 'راجع', 'واپس', 'واپسي', 'rj3t', 'rja3t', 'nrja3', 'nrj3', 'raje3', 'rje3',
  ],
  business: [
    'business*', 'startup', 'start up', 'own company', 'existenzgrund*', 'selbststandig*', 'gewerbe', 'entreprise*', 'projet', 'negocio*', 'emprend*', 'usaha', 'bisnis', 'wirausaha', 'biznis*', 'firma', 'preduzec*', 'biznes*', 'sipermarrj*', 'karobar', 'kaarobar', 'dukaan', 'dukan',
    'مشروع', 'مشروعي', 'المشروع', 'تجاره', 'کاروبار', 'دکان', 'machrou3', 'mashrou3', 'mchrou3', 'mashroo3', 'grant', 'grants',
  ],
  recognition: [
    'recogn*', 'anerkenn*', 'anerkannt*', 'reconnaiss*', 'equivalen*', 'reconoc*', 'homolog*', 'pengakuan', 'penyetaraan', 'priznavanj*', 'nostrifik*', 'njohj*', 'njohur*', 'equivalence', 'tasdeeq', 'manzoori',
    'معادله', 'معادلة', 'اعتراف', 'الاعتراف', 'منظوري', 'تصديق', 'mu3adala', 'mo3adala', 'm3adala', 'anerkennung', 'diploma*', 'diplom*', 'degree', 'shahada', 'chahada', 'سند', 'ڈگري', 'degri',
  ],
  appointment: [
    'appointment*', 'appoint', 'termin*', 'rendez vous', 'rdv', 'cita', 'citas', 'janji', 'jadwal', 'temu', 'zakaz*', 'takim*', 'mulaqat', 'apointment', 'appointmnt',
    'موعد', 'الموعد', 'مواعيد', 'ميعاد', 'اپائنٹمنٹ', 'ملاقات', 'maw3id', 'maw3ed', 'mou3id', 'rendezvous',
  ],
  embassy: [
    'embass*', 'botschaft*', 'konsulat*', 'consulat*', 'ambassade*', 'embajad*', 'consulado*', 'kedutaan', 'kedubes', 'konsul*', 'ambasad*', 'vfs', 'ambessy', 'ambesi', 'embasy', 'sifarat',
    'سفاره', 'السفاره', 'القنصليه', 'قنصليه', 'ايمبيسي', 'ايمبسي', 'سفارت', 'sifara', 'sefara', 'safara', 'lsafara',
  ],
  employer: [
    'employer*', 'boss', 'oga', 'madam', 'arbeitgeber*', 'chef', 'patron', 'employeur*', 'empleador*', 'jefe', 'majikan', 'bos', 'poslodav*', 'sef', 'punedhen*', 'shefi', 'seth', 'malik', 'kafeel', 'kafil', 'sponsor', 'company', 'firma', 'firm',
    'صاحب الشغل', 'صاحب العمل', 'الکفيل', 'کفيل', 'كفيل', 'الباطرون', 'باطرون', 'مالک', 'سيٹھ', 'کمپني', 'شرکه', 'الشرکه', 'patron', 'lpatron', 'kfil', 'mudir',
  ],
  confiscate: [
    'kept', 'keep', 'keeps', 'took', 'taken', 'take my', 'hold', 'holding', 'held', 'seized', 'confiscat*', 'behalten', 'weggenommen', 'abgenommen', 'einbehalten', 'garde', 'gardent', 'pris', 'confisq*', 'quitaron', 'quito', 'retien*', 'ditahan', 'menahan', 'disita', 'diambil', 'oduzeo', 'oduzeli', 'uzeo', 'uzeli', 'zadrza*', 'mbajt*', 'mban', 'morren', 'mori', 'rakh liya', 'rakh lia', 'rakha', 'rakh', 'le liya', 'chheen', 'cheen',
    'اخدوا', 'اخذوا', 'خذا', 'شدو', 'شدوا', 'حاجزين', 'محجوز', 'مصادره', 'رکھ', 'چھين', 'khdaw', 'khdou', 'khedaw', 'chedou', 'chaddin', 'hajzin', 'ma5ed', 'makhed', 'khad', 'khaddo', 'seize',
  ],
  locked: [
    'locked', 'lock', 'lock me', 'eingesperrt', 'enferm*', 'encerrad*', 'dikunci', 'zakljuc*', 'mbyll*', 'band', 'bund', 'qaid', 'not allowed out', 'cannot leave', 'can t leave',
    'قافلين', 'مسکرين', 'مقفول', 'محبوس', 'حابسين', 'بند', 'قيد', 'ma5loug', 'msakrin', 'msekrin', '9aflin', 'qaflin',
  ],
  woman: [
    'woman', 'women', 'female', 'girl', 'lady', 'frau', 'frauen', 'femme', 'femmes', 'mujer', 'mujeres', 'perempuan', 'wanita', 'cewek', 'zena', 'zene', 'zensk*', 'grua', 'gra', 'femra', 'aurat', 'aurton', 'khatoon', 'larki', 'larkiyan',
    'امراه', 'امراة', 'المراه', 'نساء', 'النساء', 'بنت', 'عورت', 'خاتون', 'لڑکي', 'mra', 'mrra', 'bent', 'nisa', 'nsa',
  ],
  domestic: [
    'domestic', 'housemaid', 'maid', 'house help', 'housework', 'nanny', 'haushalt*', 'hausangestell*', 'menage', 'femme de menage', 'domestique', 'empleada', 'hogar', 'pembantu', 'prt', 'asisten rumah tangga', 'domacic*', 'kucn*', 'shtepiak*', 'ghar ka kaam', 'ghar ke kaam', 'masi', 'maasi',
    'خادمه', 'الخادمه', 'عامله منزليه', 'منزليه', 'شغاله', 'بونيه', 'گھر', 'ماسي', 'khadima', 'khedama', 'bonne', 'chaghala',
  ],
  fraud: [
    'fake', 'scam*', 'fraud*', 'betrug*', 'gefalscht*', 'falsch', 'arnaque*', 'faux', 'fausse', 'escroc*', 'estafa*', 'falso', 'falsa', 'palsu', 'penipu*', 'tipu', 'prevar*', 'lazn*', 'falsifik*', 'mashtrim*', 'rrem*', 'nakli', 'naqli', 'dhoka', 'dhoke', 'jaali', 'jali', '419', 'guarant*', 'garant*', 'madmoun*', 'madmouna',
    'مزوره', 'مزور', 'تزوير', 'نصب', 'نصاب', 'احتيال', 'مضمون', 'مضمونه', 'مضمونة', 'مضمونه', 'فيک', 'فراڈ', 'دھوکه', 'دھوکا', 'جعلي', 'نقلي', 'گارنٹي', 'nasb', 'nassab', 'mzawra', 'mzawar', 'tazwir', 'ghesh', 'ghech',
  ],
  asylum: [
    'asylum', 'refugee*', 'asyl*', 'fluchtling*', 'asile', 'refugie*', 'asilo', 'refugiad*', 'suaka', 'pengungsi', 'azil*', 'izbeglic*', 'izbjeglic*', 'strehim*', 'refugjat*', 'panah', 'panahgazeen',
    'لجوء', 'اللجوء', 'لاجئ', 'لاجي', 'پناه', 'پناہ', 'پناہ گزين', 'lju2', 'luju2', 'lojou2', 'lajea', 'asylum',
  ],
  deport: [
    'deport*', 'abschieb*', 'ausweis*', 'expuls*', 'reconduit*', 'deportas*', 'deportasi', 'dideport*', 'deportov*', 'deport', 'dëbim*', 'debim*', 'ban', 'entry ban', 'einreisesperre', 'interdiction', 'prohibicion', 'larangan', 'zabrana', 'ndalim*', 'jail', 'prison', 'gefangnis', 'penjara', 'zatvor', 'burg', 'jail', 'punish*',
    'ترحيل', 'الترحيل', 'رحلوني', 'منع الدخول', 'سجن', 'السجن', 'ڈي پورٹ', 'جيل', 'سزا', 'tar7il', 'ter7il', 'saza',
  ],
  centre: [
    'centre', 'center', 'centres', 'centers', 'zentrum', 'zentren', 'centro', 'pusat', 'centar', 'qendr*', 'markaz', 'office', 'buro', 'bureau', 'kantor', 'kancelarij*', 'zyr*', 'dafter', 'daftar',
    'مرکز', 'المرکز', 'المراکز', 'مراکز', 'سينٹر', 'سنٹر', 'دفتر', 'lmarkaz', 'lmerkez', 'markaz', 'sentr', 'senter', 'sentar',
  ],
  human: [
    'human', 'person', 'real person', 'someone', 'staff', 'advisor', 'adviser', 'counsel*', 'mensch', 'berater*', 'beratung', 'humain', 'conseill*', 'quelqu un', 'humano', 'persona', 'asesor*', 'manusia', 'petugas', 'konselor', 'covek', 'coveka', 'savetnik*', 'savjetnik*', 'njeri', 'njeriu', 'keshilltar*', 'insaan', 'insan', 'banda', 'aadmi', 'robot', 'bot',
    'انسان', 'شخص', 'موظف', 'مستشار', 'بنده', 'آدمي', 'روبوت', 'بوٹ', 'insan', 'mowadaf', 'mowazaf', 'chi wa7ed', 'chi wahed',
  ],
  privacy: [
    'data', 'privacy', 'private', 'datenschutz', 'daten', 'donnees', 'confidential*', 'datos', 'privacidad', 'privasi', 'podac*', 'privatnost', 'te dhenat', 'privatesi*', 'delete', 'loschen', 'supprimer', 'borrar', 'hapus', 'obrisati', 'fshij', 'chat', 'conversation*', 'gespräch*',
    'بيانات', 'البيانات', 'بياناتي', 'خصوصيه', 'محادثات', 'محادثاتي', 'ڈيٹا', 'رازداري', 'mohadathat', 'bayanat', 'baynat',
  ],
  training: [
    'ausbildung*', 'apprentice*', 'vocational', 'training', 'trainee', 'formation', 'apprentissage', 'alternance', 'formacion', 'aprendiz*', 'pelatihan', 'magang', 'vokasi', 'obuk*', 'zanat*', 'strucn*', 'profesional*', 'formim*', 'aftesim*', 'hunar', 'tarbiyat', 'training',
    'اوسبيلدونغ', 'اوسبلدونغ', 'تکوين', 'التکوين', 'تدريب', 'التدريب', 'مهني', 'ٹريننگ', 'ہنر', 'تربيت', 'ausbildong', 'osbildung', 'takwin', 'tadrib', 'lformation',
  ],
  seasonal: [
    'season*', 'saison*', 'harvest*', 'ernte*', 'erntehelfer', 'agricultur*', 'farm*', 'landwirtschaft*', 'recolte*', 'vendange*', 'temporer*', 'temporada', 'cosecha', 'campo', 'musiman', 'panen', 'pertanian', 'sezon*', 'berba', 'poljoprivred*', 'sezonal*', 'bujqesi*', 'fasl', 'kheti', 'khet',
    'موسمي', 'الموسمي', 'زراعه', 'الزراعه', 'فلاحه', 'الفلاحه', 'جني', 'موسمي کام', 'کھيت', 'فصل', 'falaha', 'fla7a', 'mawsimi', 'mausmi', 'strawberr*', 'asparag*', 'spargel', 'fraise*', 'fresa*',
  ],
  opportunityCard: [
    'chancenkarte', 'opportunity card', 'opportunity', 'points', 'point', 'punkte', 'carte opportunite', 'carte des chances', 'tarjeta de oportunidades', 'kartu peluang', 'karta sansi', 'karta mogucnosti', 'karta e mundesive', 'chance card',
    'بطاقه الفرص', 'الفرص', 'فرص', 'نقاط', 'نقطه', 'پوائنٹس', 'چانس کارڈ', 'موقع کارڈ', 'نقاط', 'no9at', 'nuqat', 'noqat', 'chancen',
  ],
  blueCard: [
    'blue card', 'blaue karte', 'bluecard', 'carte bleue', 'tarjeta azul', 'kartu biru', 'plava karta', 'karta blu', 'karta e kalter', 'blu card', 'blue kard',
    'البطاقه الزرقاء', 'البلو کارد', 'بلو کارد', 'بليو کارڈ', 'بلو کارڈ', 'zar9a', 'zarqa', 'blu kard',
  ],
  experience: [
    'experience', 'experienced', 'berufserfahrung', 'erfahrung', 'experience professionnelle', 'experiencia', 'pengalaman', 'iskustv*', 'pervoj*', 'tajurba', 'tajruba', 'tajarba', 'tajurbah',
    'خبره', 'الخبره', 'خبرتي', 'تجربه', 'تجربہ', 'تجربے', 'خبرة', 'khibra', 'khebra', 'tajriba',
  ],
  gulf: [
    'gulf', 'saudi*', 'dubai', 'uae', 'emirates', 'qatar', 'kuwait', 'oman', 'bahrain', 'golf', 'golfe', 'golfo', 'arab saudi', 'timur tengah', 'zaliv*', 'gjiri', 'saudia', 'saudiya', 'ksa', 'malaysia', 'jordan', 'lebanon', 'middle east',
    'الخليج', 'السعوديه', 'سعوديه', 'دبي', 'الامارات', 'امارات', 'قطر', 'الكويت', 'الکويت', 'سعودي', 'سعودیہ', 'خليج', 'دوبئي', 'khalij', 'lkhalij', 'sa3oudiya', 'su3udiya',
  ],
  psychosocial: [
    'depress*', 'stress*', 'anxi*', 'mental*', 'trauma*', 'psych*', 'shame', 'ashamed', 'failure', 'lonely', 'sleep', 'angst', 'traurig', 'scham', 'triste', 'honte', 'echec', 'verguenza', 'fracaso', 'malu', 'sedih', 'gagal', 'stres', 'tuga', 'sram', 'neuspeh', 'turp', 'deshtim', 'pareshan', 'pareshani', 'sharam', 'sharmindagi', 'tension', 'nakami',
    'اكتئاب', 'اکتئاب', 'حزين', 'فشل', 'بالفشل', 'الفشل', 'ضغط', 'نفسي', 'نفسيه', 'عار', 'ڈپريشن', 'پريشان', 'پريشاني', 'شرم', 'ناکامي', 'tension', '7ochma', 'hchouma', 'l7chouma', 'nafsiya', 'mkta2eb', 'fachal', 'fashal',
  ],
  medical: [
    'medic*', 'medikament*', 'hospital*', 'doctor*', 'sick', 'illness', 'disease', 'diabet*', 'heart', 'insulin', 'arzt', 'krank*', 'medicament*', 'maladie', 'malade', 'medecin', 'enfermedad', 'enfermo', 'obat', 'sakit', 'rumah sakit', 'lijek*', 'bolest*', 'bolnic*', 'ilac*', 'semund*', 'spital*', 'dawai', 'dawa', 'dawa2', 'dwa', 'bimari', 'beemari', 'marz', 'ilaj', 'elaj', 'treatment',
    'دواء', 'الدواء', 'دوا', 'الدوا', 'دوائي', 'مرض', 'المرض', 'مستشفى', 'مستشفي', 'علاج', 'العلاج', 'سکر', 'السکر', 'بيماري', 'دوائي', 'ہسپتال', 'اسپتال', 'sbitar', 'mrida', 'mrid', '3ilaj', 'tbib', 'doktor',
  ],
  diaspora: [
    'diaspora*', 'community', 'association*', 'verein*', 'asociacion*', 'komunitas', 'perkumpulan', 'udruzenj*', 'dijaspor*', 'shoqat*', 'mergimtar*', 'community', 'tanzeem', 'jaliya', 'jalia',
    'الجاليه', 'جاليه', 'جمعيه', 'جمعيتنا', 'الجمعيه', 'مغتربين', 'تارکين وطن', 'ڈائسپورا', 'تنظيم', 'overseas pakistani', 'overseas',
  ],
  partnership: [
    'partnership*', 'agreement*', 'abkommen', 'partnerschaft*', 'accord*', 'acuerdo*', 'asociacion', 'kemitraan', 'perjanjian', 'sporazum*', 'partnerstv*', 'marreveshj*', 'partneritet*', 'muahida', 'muahada', 'moahida',
    'شراكه', 'الشراكه', 'اتفاقيه', 'الاتفاقيه', 'اتفاق', 'معاهده', 'معاہدے', 'معاہدہ', 'شراکت', 'chraka', 'shiraka', 'itifa9',
  ],
  rights: [
    'right', 'rights', 'rechte', 'recht', 'droit', 'droits', 'derecho', 'derechos', 'hak', 'prava', 'pravo', 'te drejt*', 'drejta', 'huqooq', 'haqooq', 'haq', 'hukuk',
    'حقوق', 'حقوقي', 'حق', 'الحقوق', '7o9o9', '7ouqouq', 'hqouq', '7a9',
  ],
  hours: [
    'overtime', 'hours', 'hour', 'stunden', 'uberstunden', 'heures', 'heure', 'horas', 'hora', 'jam', 'lembur', 'sati', 'prekovremen*', 'ore', 'oret', 'ghante', 'ghantay', 'ghanta',
    'ساعات', 'الساعات', 'ساعه', 'ساعات اضافيه', 'اوور تايم', 'گھنٹے', 'سوايع', 'swaye3', 'sa3at',
  ],
  contract: [
    'contract*', 'vertrag*', 'arbeitsvertrag', 'contrat*', 'contrato*', 'kontrak', 'perjanjian kerja', 'ugovor*', 'kontrat*', 'muahida', 'agreement',
    'عقد', 'العقد', 'عقدي', 'کنٹريکٹ', 'معاہده', '3a9d', '3aqd', 'l3a9d', 'kontrak',
  ],
  europe: [
    'europe', 'europa', 'eu', 'schengen', 'italy', 'italia', 'italie', 'spain', 'spanien', 'espagne', 'espana', 'portugal', 'france', 'frankreich', 'austria', 'osterreich', 'netherlands', 'belgium', 'poland', 'spania', 'ytalia', 'italija', 'spanija', 'evropa', 'evrop*', 'europ*',
    'اوروبا', 'اوربا', 'ايطاليا', 'اسبانيا', 'سبانيا', 'البرتغال', 'فرنسا', 'يورپ', 'اٹلي', 'اسپين', 'لورو', 'spania', 'sbanya', 'italya', 'oroba', 'lorop', 'lourop',
  ],
  libya: [
    'libya', 'libyen', 'libye', 'libia', 'libija', 'libi', 'turkey', 'turkei', 'turquie', 'iran', 'desert', 'sahara', 'forest', 'border', 'grenze', 'frontiere', 'frontera', 'perbatasan', 'granica', 'kufi', 'kufiri', 'border',
    'ليبيا', 'فليبيا', 'لليبيا', 'تركيا', 'ايران', 'صحراء', 'الصحراء', 'حدود', 'الحدود', 'بارڈر', 'سرحد', 'jungle', 'jangal', 'lilibya', 'flibya', 'f libya', 'sahra',
  ],
  trafficking: [
    'traffick*', 'menschenhandel', 'traite', 'trata', 'perdagangan orang', 'trgovin* ljud*', 'trafikim*', 'forced', 'force', 'forced labour', 'zwangsarbeit', 'force', 'travail force', 'trabajo forzoso', 'kerja paksa', 'prinudn*', 'detyruar', 'zabardasti', 'zbardasti', 'bonded', 'debt',
    'اتجار', 'الاتجار', 'اتجار بالبشر', 'سخره', 'غصب', 'زبردستي', 'قرض', 'lgharad', 'ghasb', 'karz', 'qarz', 'karza', 'dayn',
  ],
  travel: [
    'travel*', 'journey', 'trip', 'route', 'reise', 'reisen', 'voyage', 'viaje', 'perjalanan', 'putovanj*', 'udhetim*', 'safar', 'safr', 'ticket', 'ticket*', 'flight', 'flug', 'billet', 'vuelo', 'tiket', 'bileta', 'tikat', 'tiket',
    'سفر', 'السفر', 'تذکره', 'التذکره', 'تذكره', 'رحله', 'ٹکٹ', 'تکت', 'lvoyage', 'safar', 'tadkira',
  ],
  prepare: [
    'prepar*', 'before leaving', 'before i leave', 'before travel', 'vorbereit*', 'avant de partir', 'antes de viajar', 'persiapan', 'sebelum berangkat', 'priprem*', 'pergatit*', 'para se nisem', 'tayyari', 'tayari', 'taiyari', 'anmeld*', 'arrival', 'arrive',
    'تحضير', 'استعداد', 'قبل السفر', 'احضر', 'نوجد', 'تياري', 'تیاری', 'nwjed', 'nwajed', 't7dir',
  ],
  counselling: [
    'advice', 'advise', 'counsel*', 'beratung', 'beraten', 'conseil*', 'asesoria', 'orientacion', 'konseling', 'konsultasi', 'savetovanj*', 'savjetovanj*', 'keshill*', 'mashwara', 'mashwera', 'rehnumai', 'guidance',
    'استشاره', 'نصيحه', 'توجيه', 'مشوره', 'مشورہ', 'رہنمائي', 'nasi7a', 'istichara', 'tawjih',
  ],
  help: [
    'help', 'support', 'assist*', 'hilfe', 'helfen', 'unterstutz*', 'aide', 'aider', 'ayuda', 'apoyo', 'bantuan', 'bantu', 'pomoc', 'pomoc*', 'ndihm*', 'madad', 'madat', 'mdad',
    'مساعده', 'المساعده', 'دعم', 'الدعم', 'مدد', 'عاون', 'يعاوني', 'يساعدني', 'ساعدوني', 'musa3ada', 'mosa3ada', 'm3awna', '3awni', 'y3awni', 'da3m',
  ],
};

interface Lexicon {
  exact: Map<string, string[]>;
  prefix: Map<string, string[]>;
  longestPrefix: number;
}

function buildLexicon(): Lexicon {
  const exact = new Map<string, string[]>();
  const prefix = new Map<string, string[]>();
  let longestPrefix = 0;
  const put = (m: Map<string, string[]>, k: string, c: string) => {
    const list = m.get(k) ?? [];
    if (!list.includes(c)) list.push(c);
    m.set(k, list);
  };
  for (const [concept, forms] of Object.entries(LEXICON)) {
    for (const raw of forms) {
      const star = raw.endsWith('*');
      const form = foldText(star ? raw.slice(0, -1) : raw);
      if (!form) continue;
      if (star && !form.includes(' ')) {
        put(prefix, form, concept);
        longestPrefix = Math.max(longestPrefix, form.length);
      } else put(exact, form, concept);
    }
  }
  return { exact, prefix, longestPrefix };
}

const lexicon = buildLexicon();

/** Arabic proclitics ("the", "and the", "with the", "in"): جوازي and بالجواز are still جواز. */
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'لل', 'ال', 'و', 'ب', 'ف', 'ل'];
const ARABIC = /[\u0600-\u06FF]/;

function lookupWord(word: string, out: Set<string>): void {
  const candidates = [word];
  if (ARABIC.test(word)) {
    for (const p of ARABIC_PREFIXES) if (word.startsWith(p) && word.length - p.length >= 3) candidates.push(word.slice(p.length));
  }
  for (const w of candidates) {
    const hit = lexicon.exact.get(w);
    if (hit) hit.forEach((c) => out.add(c));
    for (let n = Math.min(w.length, lexicon.longestPrefix); n >= 3; n--) {
      const pre = lexicon.prefix.get(w.slice(0, n));
      if (pre) pre.forEach((c) => out.add(c));
    }
  }
}

/** The concepts named in a list of folded words (single words and two-word phrases). */
export function conceptsOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    lookupWord(words[i]!, out);
    if (i > 0) lexicon.exact.get(`${words[i - 1]} ${words[i]}`)?.forEach((c) => out.add(c));
    if (i > 1) lexicon.exact.get(`${words[i - 2]} ${words[i - 1]} ${words[i]}`)?.forEach((c) => out.add(c));
  }
  return out;
}

/** A fingerprint of the lexicon, for the index cache key. */
export const LEXICON_VERSION = JSON.stringify(LEXICON).length;
