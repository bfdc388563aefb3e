/**
 * A concept lexicon of the domain: the words people use for a passport, an agent, a boat, a
 * salary... in the nine languages, their scripts and their common spellings (Arabizi with 3/7/9/5,
 * Roman Urdu, Pidgin, Darija), mapped to one shared concept. The retriever adds the concept as a
 * feature, so "paspor", "جواز", "pasaporte" and "passport" meet even when no example question
 * used that spelling. A form ending in "*" matches any word that starts with it.
 * Forms are written as foldText leaves them (lower case, no accents, Arabic letter variants
 * folded: ة→ه, ى/ی/ے→ي, أ/إ/آ→ا, ك→ک).
 */
import { createHash } from 'node:crypto';
import { foldText } from '../core/normalize.js';
import { dialectStem } from './arabic-dialect.js';

const LEXICON: Record<string, string[]> = {
  passport: [
    'passport*', 'pasport*', 'paspor*', 'pasaport*', 'passeport*', 'reisepass*', 'pass', 'pasos', 'pasosh*', 'pasaporta*',
    'pasoshi', 'جواز', 'جوازي', 'جوازات', 'باسبور', 'الباسبور', 'باسپورٹ', 'پاسپورٹ', 'پاسپورت', 'بسبور', 'paspoor', 'baspor', 'basbor', 'passpor', 'jawaz', 'jawez', 'jwaz', 'pasaporti', 'pasosin', 'pasosh', 'pasaportin',
    'pasport', 'paspot', 'passpot', 'pasapot', 'pashaport*', 'pasosa', 'pasosu', 'pasoš', 'paspr', 'passeport', 'psprt', 'paspor*', 'jawaz safar', 'جواز السفر', 'jwaz safar', 'pasaporto',
  ],
  documents: [
    'document*', 'dokument*', 'papiers', 'papier', 'papers', 'papel*', 'dokumen', 'dokumente', 'dokumenta*', 'evrak*', 'isprav*', 'akt', 'certificat*', 'zertifikat*', 'sertifik*', 'certifikat*',
    'وثائق', 'وثيقه', 'اوراق', 'الاوراق', 'اوراقي', 'مستندات', 'شهاده', 'کاغذات', 'دستاويزات', 'kaghzat', 'kagzat', 'kaagzat', 'wraq', 'lwra9', 'lawra9', 'awraq', 'surat', 'ijazah', 'akta', 'attest*', 'apostil*', 'تصديق',
    'dokumen*', 'papers', 'paper', 'doc', 'docs', 'kagaz', 'kaghaz', 'kaghazat', 'kagzaat', 'kagzat', 'dokumentet', 'dokumentat', 'leternjoftim*', 'kartë', 'isprave', 'papiri', 'papire', 'wathaiq', 'watha2i9', 'l2wra9', 'lwraq', 'الوراق', 'كاغذ', 'کاغذ',
    'traduction*', 'translat*', 'ubersetz*', 'traduc*', 'tarjam*', 'terjem*', 'nterjem*', 'ترجمه', 'الترجمه', 'ترجمة', 'legalis*', 'legaliz*', 'beglaubig*', 'tasdi9', 'tasdiq', 'tasdeeq', 'nsadd9*', 'nsadda9*', 'perkthim*', 'prevod*', 'overen*', 'overa', 'legalizim*', 'terjemah*', 'legalisir*', 'tarjuma', 'ترجمہ',
  ],
  visa: [
    'visa*', 'visum*', 'vize', 'vizu', 'viza', 'vizen', 'vizat', 'vizes', 'vizë', 'viz', 'fiza', 'fisa', 'feeza', 'veeza', 'veza', 'فيزا', 'الفيزا', 'فيزه', 'تاشيره', 'التاشيره', 'ويزا', 'ويزه', 'viza*',
    'visto', 'vysa', 'vza', 'visah', 'viesa', 'fizza', 'fisaa', 'vizum', 'vizë', 'vizen', 'vizes', 'vizat', 'vizo*', 'فيزة', 'بيزا',
  ],
  work: [
    'work*', 'job', 'jobs', 'arbeit*', 'travail*', 'travailler', 'trabaj*', 'empleo', 'kerja', 'bekerja', 'pekerjaan', 'pune*', 'puna', 'puno*', 'punu*', 'posao', 'poslo*', 'posla', 'poslu', 'rad', 'raditi', 'radim', 'naukri', 'nokri', 'nowkri', 'kaam', 'rozgar',
    'shaghal', 'shoghl', 'shogl', 'khedma', 'khdma', 'lkhedma', 'lkhdma', 'nkhdem', 'nekhdem', 'nkhdm', 'khdem', 'shughl', 'ishtghal', 'شغل', 'الشغل', 'شغلي', 'عمل', 'العمل', 'خدمه', 'الخدمه', 'نخدم', 'اشتغل', 'وظيفه', 'وظيفة', 'نوکري', 'کام', 'روزگار', 'ملازمت', 'mulazmat',
    'wok', 'wokin', 'working', 'werk', 'kerjo', 'gawe', 'kerja*', 'punoj', 'punoje', 'punojne', 'punes', 'me punu', 'punu', 'radit', 'radi', 'zaposl*', 'zaposlenj*', 'karna kaam', 'naukari', 'nokari', 'nokriyan', 'khidma', '5edma', '5dma', 'l5edma', 'n5dem', 'chghol', 'chghal', 'sh3’l', 'شغله', 'خدمة', 'اخدم', 'يخدم', 'نشتغل', 'ملازمه',
    'نوکری', 'ملازمت', 'روزگار', 'شغلانه', 'وظيفه',
    'shughul', 'shoghol', 'sho8l', 'sho8ol', 'shoghl',
  ],
  salary: [
    'salary', 'salaries', 'wage*', 'pay', 'paid', 'lohn*', 'gehalt*', 'verdien*', 'salaire*', 'paye', 'salario*', 'sueldo*', 'gaji', 'upah', 'plata', 'plate', 'rroga', 'rrog*', 'paga', 'pagë', 'tankhwah', 'tankhah', 'tankha', 'tankhwa', 'salri',
    'راتب', 'الراتب', 'مرتب', 'المرتب', 'اجر', 'اجور', 'الاجور', 'خلاص', 'الخلاص', 'تنخواه', 'تنخواہ', 'تنخوا', 'معاوضه', 'ratib', 'ratb', 'mortab', 'khlas', 'lkhlas', 'mindestlohn*', 'smic',
    'salo', 'salari', 'salarii', 'gajih', 'gajian', 'upah*', 'platu', 'plate', 'pagesa', 'pagen', 'rrogen', 'rrogat', 'tankhuah', 'tankhwa*', 'tankah', 'pagar', 'salaire*', 'khlass', '5las', 'l5las', 'ratebi', 'راتبي', 'تنخواه', 'تنخاه', 'maheena',
    'تنخواہ', 'اجرت', 'مزدوری', 'ajrat', 'mazdoori', 'mazduri', 'معاش', 'ma3ash', 'maash',
  ],
  agent: [
    'agent*', 'agenc*', 'agenz*', 'agencij*', 'agjenc*', 'agjent*', 'recruit*', 'vermittl*', 'recruteur*', 'reclut*', 'agen', 'calo', 'sponsor', 'perantara', 'posrednik*', 'posredn*', 'ndermjet*', 'samsar', 'simsar', 'wasit',
    'ايجنت', 'ايجنٹ', 'اجنت', 'وكيل', 'الوكيل', 'سمسار', 'السمسار', 'وسيط', 'مكتب', 'المکتب', 'المكتب', 'مکتب', 'ejent', 'ajent', 'maktab', 'lmaktab',
    'agency', 'ajensi', 'ajens', 'agensi', 'agen*', 'sponsor*', 'recruiter', 'broker', 'middleman', 'connection man', 'agenti', 'agjentin', 'agjencia', 'agjencin', 'agencija', 'agenciju', 'agentu', 'agenti', 'ejant', 'ejent*', 'ajant', 'agint', 'samasra', 'smasri', 'simsar', 'سماسره', 'وكاله', 'الوكاله', 'وکاله', 'ايجينٹ', 'ايجنٹوں',
    'ایجنسی', 'دلال', 'dalal', 'dallal', 'madam', 'oga', 'the madam', 'connection woman', 'ايجنسي',
  ],
  fee: [
    'fee', 'fees', 'charge*', 'gebuhr*', 'frais', 'tarif*', 'tasa', 'tasas', 'biaya', 'taksa', 'takse', 'tarifa', 'naknad*', 'pristojb*', 'fees', 'fis', 'kharcha', 'kharch', 'kharchay', 'rusum', 'rasoom',
    'رسوم', 'الرسوم', 'مصاريف', 'تکلفه', 'تكلفه', 'التکلفه', 'فيس', 'خرچه', 'خرچ', 'masarif', 'taklefa', 'taklifa', 'rsoum',
    'feez', 'fis', 'biaya*', 'ongkos', 'naknadu', 'taksu', 'pagese', 'tarifat', 'fees', 'kharchay', 'kharche', 'kharchey', 'kharcha*', 'paise lag*', 'masareef', 'masrouf', 'رسوم', 'کرايه', 'kiraya',
  ],
  money: [
    'money', 'cash', 'geld', 'argent', 'dinero', 'uang', 'duit', 'novac', 'novca', 'lek', 'leke', 'paise', 'paisay', 'paisa', 'pese', 'pesa', 'lakh', 'lac', 'rupee*', 'euro', 'eur', 'dollar*',
    'فلوس', 'الفلوس', 'مال', 'المال', 'مبلغ', 'پيسے', 'پيسه', 'روپے', 'لاکھ', 'flous', 'flus', 'fulus', 'mbl8', 'mablagh', 'dirham*',
    'moni', 'mony', 'naira', 'cedi', 'cedis', 'kobo', 'dinar*', 'dirham*', 'lira', 'rupiya', 'rupiah', 'rupay', 'ruppees', 'leke', 'lek', 'dinara', 'evra', 'evro', 'euros', 'pare', 'paret', 'parave', 'lova', 'rs', 'pkr', 'dzd', 'tnd', 'egp', 'jod', 'flouss', 'floos', 'flos', 'fulous', 'فلوسي', 'دراهم', 'الدراهم', 'جنيه', 'دينار', 'روپيه', 'روپيے', 'رقم',
    'مصاري', 'masari', 'msari', 'بيزات', 'bizat', 'کتنے پیسے', 'kitne paise', 'kitny pesy', 'pesy', 'paisy',
    'قروش', 'القروش', 'gurush', 'grush', 'gorosh', 'qurush',
  ],
  boat: [
    'boat*', 'ship', 'sea', 'boot', 'boote', 'meer', 'bateau*', 'mer', 'barque', 'zodiac', 'patera', 'barco', 'cayuco', 'mar', 'kapal', 'perahu', 'laut', 'camac', 'brod', 'varka', 'barke', 'kashti', 'kishti', 'samundar', 'samandar',
    'قارب', 'القارب', 'مركب', 'المركب', 'بوطي', 'البوطي', 'لبوطي', 'فلوکه', 'بحر', 'البحر', 'کشتي', 'سمندر', 'boti', 'lbouti', 'botti', 'lboti', 'l9areb', 'qareb', 'markeb', 'lb7ar', 'bahr', 'b7ar', '7rig', 'l7rig', 'harga', 'hrig', 'حريک', 'الحريک', 'حراقه', 'lbahr',
    'boats', 'kanu', 'canoe', 'pirogue', 'piroga', 'barca', 'varke', 'varka', 'lundr*', 'camca', 'camac', 'brodom', 'kishti', 'kashti*', 'kisti', 'bahri', 'ba7r', 'l7arga', '7arraga', 'harraga', 'hrag', 'l7rag', '7rag', 'حراگه', 'حراقه', 'الحراقه', 'حرگ', 'الحرگ', 'قوارب', 'كشتي', 'کشتي', 'شقف', 'الشقف', 'في شقف', 'فلوكه', 'الفلوكه', 'زودياك', 'بابور', 'حرق', 'حرقو', 'نحرق', 'يحرق', 'حرقت', 'الحرقه', 'حرقه', 'chkef', 'chqaf', 'flouka', 'lflouka', 'batto', 'lbatto', 'battou', 'lbattou', 'babor', 'lbabor', 'بطو', 'لبطو',
  ],
  smuggler: [
    'smuggl*', 'schleus*', 'schlepper*', 'passeur*', 'passeurs', 'traficant*', 'contraband*', 'coyote', 'penyelundup*', 'krijumcar*', 'kriumcar*', 'shverc*', 'kontrabandist*', 'trafikant*',
    'مهرب', 'المهرب', 'مهربين', 'تهريب', 'dunki', 'donki', 'dunky', 'ڈنکي', 'ڈنکی', 'mohareb', 'muharrib', 'lmhareb',
    'smugglers', 'connection man', 'trafficker', 'dunkey', 'dunkiyan', 'donkey', 'dunki*', 'ڈنکي', 'kacak*', 'krijumcar*', 'shvercer*', 'mohrib', 'mhareb', 'mharbin', 'lmharbin', 'مهربين', 'المهربين',
    'اسمگلر', 'سمگلر', 'اسمگلنگ', 'smugglar', 'smaglar',
  ],
  irregular: [
    'illegal*', 'irregul*', 'ilegal*', 'illegaux', 'clandestin*', 'sans papiers', 'undocumented', 'ilegaln*', 'nelegaln*', 'bina visa', 'baghair visa',
    'غير قانوني', 'غير شرعي', 'بدون فيزا', 'تهريب', 'غيرقانوني',
    'illegally', 'illegal way', 'back way', 'backway', 'bina kagzat', 'illegal tareeqe', 'ilegalisht', 'ilegalno', 'nelegalno', 'gelap', 'ilegal', 'tanpa dokumen', 'sans visa', 'sin papeles', 'sin visa', 'ohne visum', 'without visa', 'without papers', 'bla wra9', 'bla lwra9', 'bla fisa', 'بلا فيزا', 'بلا اوراق', 'بدون اوراق', 'بغير فيزا', 'بطريقه غير شرعيه',
  ],
  wife: [
    'wife', 'husband', 'spouse', 'ehefrau', 'ehemann', 'frau', 'mann', 'ehepartner', 'epouse', 'mari', 'femme', 'esposa', 'esposo', 'marido', 'mujer', 'istri', 'suami', 'zena', 'zenu', 'supruga', 'suprug', 'muz', 'bashkeshort*', 'grua', 'gruaja', 'burri', 'burrin',
    'زوجه', 'زوجتي', 'الزوجه', 'مراتي', 'مرتي', 'زوجي', 'جوزي', 'راجلي', 'بيوي', 'بيوي', 'شوهر', 'ميان', 'biwi', 'biwi', 'bivi', 'begum', 'shohar', 'shauhar', 'mrati', 'mrat', 'zawja', 'zawjti', 'rajli', 'missus',
    'wif', 'waif', 'hubby', 'my man', 'my woman', 'iyawo', 'grueja', 'gruan', 'gruen', 'grun', 'burrin', 'burri', 'bashkeshorte', 'bashkeshortin', 'zenu', 'zenom', 'muza', 'muzem', 'supruzi', 'supruga*', 'biwi*', 'bivi', 'bibi', 'begam', 'ghar wali', 'gharwali', 'shohar', 'mioo', 'mrati', 'mratou', 'zawjati', 'zawji', 'مرا', 'المرا', 'جوزتي', 'زوجتى', 'بيوى', 'بیوی',
  ],
  children: [
    'child*', 'kids', 'kid', 'daughter', 'kinder', 'sohn', 'tochter', 'enfant*', 'fils', 'fille', 'hijo*', 'hija', 'hijas', 'ninos', 'anak', 'dete', 'deca', 'decu', 'femije*', 'femij*', 'bachay', 'bache', 'bachon', 'bachhe', 'bachay', 'beta', 'beti',
    'اولاد', 'الاولاد', 'اطفال', 'الاطفال', 'ولادي', 'بچے', 'بچوں', 'بچي', 'بيٹا', 'بيٹي', 'wladi', 'awlad', 'atfal', 'pikin', 'pikin*',
    'pickin', 'pikins', 'children', 'kids', 'kiddies', 'pikin', 'fmi', 'femi', 'femin', 'femijet', 'femijte', 'femijen', 'djal*', 'vajz*', 'djeca', 'djecu', 'dijete', 'dete', 'deca', 'decu', 'cerka', 'bachay', 'bachey', 'bache', 'bachen', 'bachchon', 'bacho', 'bachon', 'bacha', 'aulad', 'awlad', 'wlad', 'lwlad', 'drari', 'دراري', 'ولاد', 'الولاد', 'اولادي', 'ابني', 'بنتي', 'عيال', 'العيال', 'بچه', 'بچہ',
    'صغار', 'صغاري', 'الصغار', 'صغارنا', 'sghar', 'sghari', 'zghar', 'zghari',
  ],
  family: [
    'family', 'famil*', 'reunif*', 'reunion', 'nachzug', 'familiennachzug', 'keluarga', 'porodic*', 'spajanj*', 'bashkim*', 'familje*',
    'عائله', 'العائله', 'اسره', 'الاسره', 'لم شمل', 'لمشمل', 'شمل', 'فيملي', 'خاندان', 'gharwale', 'ghar walon', 'lam shaml', 'l3a2ila', 'la3ila', 'famiglia',
    'famili', 'fambul', 'famiri', 'familija', 'familiju', 'porodica', 'porodicu', 'familje', 'familjen', 'familjes', 'familja', 'ghar wale', 'gharwalay', 'ahl', 'ahli', 'l3a2ila', 'la3ila', '3a2ila', '3ayla', 'famila', 'الاهل', 'اهلي', 'خاندان', 'گھر والے', 'گھر والوں',
  ],
  nurse: [
    'nurs*', 'pflege*', 'krankenpfleg*', 'infirmi*', 'enfermer*', 'perawat*', 'medicinsk*', 'sestra', 'medicinska', 'infermier*', 'care', 'caregiver', 'carer', 'altenpfleg*', 'aide soignant*', 'cuidador*', 'kujdestar*', 'negovatelj*',
    'ممرض', 'ممرضه', 'الممرض', 'تمريض', 'التمريض', 'نرس', 'نرسنگ', 'momarid', 'momarida', 'momardha', 'mmrda', 'mumarrid', 'tamrid', 'infirmiya', 'infirmier',
    'nurse*', 'nursing', 'nars', 'narsing', 'infirmiere', 'pflegekraft', 'pflegefach*', 'infermiere', 'infirmjer*', 'infermier*', 'medicinsk* sestr*', 'medicinar', 'sestra', 'perawat', 'keperawatan', 'caregiving', 'care giver', 'care work', 'elderly care', 'old people', 'pflegeheim', 'altenheim', 'maison de retraite', 'تمريض', 'ممرضة', 'ممرضين', 'nurs', 'triple win', 'triplewin',
    'فرملي', 'فرمليه', 'الفرمليه', 'فرميلي', 'انفرميي', 'انفيرمي', 'fermli', 'fermliya', 'frmliya', 'نرسنگ', 'نرسیں',
    '3inaye', '3inaya', '3enaye', 'ri3aye', 'ri3aya', 'ra3aya', 'عنايه', 'رعايه', 'krankenschwester*', 'krankenschwster', 'plege*', 'pfleege*', 'pflgekraft',
  ],
  student: [
    'stud*', 'universit*', 'univerzit*', 'universitet*', 'masters', 'master', 'bachelor', 'degree', 'hochschul*', 'etudi*', 'fac', 'kuliah', 'mahasiswa', 'kampus', 'fakultet*', 'fakultet', 'studim*', 'parhai', 'padhai', 'parhna', 'jamia',
    'دراسه', 'الدراسه', 'جامعه', 'الجامعه', 'طالب', 'طلاب', 'ماستر', 'پڑھائي', 'يونيورسٹي', 'جامعہ', 'l9raya', 'qraya', 'dirasa', 'jami3a', 'blocked', 'sperrkonto',
    'studies', 'study', 'studieren', 'studium', 'etudes', 'etudier', 'estudiar', 'estudios', 'kuliah', 'kuliyah', 'sekolah', 'studim', 'studiuar', 'studirati', 'studije', 'studij', 'fakultet*', 'univ', 'uni', 'parhai', 'parhne', 'parhna', 'tali', 'ta3lim', 'dirasa', '9raya', 'qraya', 'nkra', 'nqra', 'الدراسة', 'ندرس', 'اقرا', 'نقرا',
    'داخلہ', 'تعلیم', 'dakhla', 'daakhla', 'taleem', 'taleemi',
  ],
  language: [
    // Language tests people name: "IELTS se kaam chalega?", "mera toefl hai".
    'ielts', 'toefl', 'pte', 'duolingo', 'english test', 'test d anglais', 'goethe', 'telc', 'testdaf', 'osd',
    'german', 'deutsch*', 'allemand', 'aleman', 'bahasa jerman', 'nemack*', 'gjermanisht*', 'almani', 'almaniya', 'germani', 'language', 'sprach*', 'langue', 'idioma', 'bahasa', 'jezik*', 'gjuh*', 'zuban', 'zaban', 'lugha', 'goethe', 'telc', 'a1', 'a2', 'b1', 'b2', 'c1',
    'الماني', 'الالماني', 'الالمانيه', 'لغه', 'اللغه', 'جرمن', 'زبان', 'lalmania', 'lalmaniya', 'lugha', 'logha', 'niveau', 'level', 'nivel', 'niveli', 'nivo',
    'almand', 'alman', 'jermanis*', 'njemack* jezik', 'nemacki', 'nemackog', 'njemacki', 'gjermanishte*', 'gjermanisht', 'bahasa jerman', 'german language', 'deutschkurs', 'sprachkurs', 'kurs jezika', 'kurs gjuhe', 'language course', 'cours d allemand', 'curso de aleman', 'kursus bahasa', 'zaban sikhna', 'almani zaban', 'lugha l2almaniya', 'lugha almaniya', 'اللغة', 'اللغه الالمانيه', 'الالمانية', 'جرمن زبان',
    'جوته', 'غوته', 'گوته', 'تيلک', 'تلک', 'telk', 'gote', 'gotha',
    'lo8a', 'lu8a', 'lo4a', 'logha', 'lougha', 'el lo8a',
  ],
  germany: [
    'germany', 'deutschland', 'allemagne', 'alemania', 'jerman', 'nemack*', 'gjermani*', 'almania', 'almanya', 'lalmaniya', 'almaniya', 'germani', 'jarmani', 'jermany', 'jamani',
    'المانيا', 'لالمانيا', 'بالمانيا', 'فالمانيا', 'جرمني', 'جرمنی',
    'jermani', 'jarmany', 'grmany', 'germny', 'germani', 'jermen', 'njemack*', 'njemacku', 'nemacku', 'nemackoj', 'nemacka', 'gjermania', 'gjermanin', 'gjermani', 'gjermoni', 'almanya', 'lalman', 'lalmane', 'alemanya', 'deutchland', 'doichland', 'dzermani', 'jamani', 'alman', 'لالمان', 'المان', 'الالمان', 'جرمني', 'جرمنى',
  ],
  return: [
    'return*', 'go back', 'going back', 'come back', 'came back', 'back home', 'ruckkehr*', 'zuruck*', 'retour*', 'rentrer', 'revenir', 'rentre', 'retorn*', 'volver', 'regres*', 'kembali', 'pulang', 'povrat*', 'vratiti', 'vratio', 'vratila', 'kthim*', 'kthehem', 'kthye*', 'u ktheva', 'wapas', 'wapis', 'wapsi', 'waapas',
    'رجوع', 'الرجوع', 'العوده', 'عوده', 'رجعت', 'نرجع', 'ارجع', 'راجع', 'واپس', 'واپسي', 'rj3t', 'rja3t', 'nrja3', 'nrj3', 'raje3', 'rje3', 'nrje3', 'nerje3', 'nrj3o', 'nrje3o', 'nraje3',
    'go home', 'return home', 'returning', 'returnee', 'returnees', 'returned', 'come home', 'back to my country', 'heimkehr', 'heimreise', 'retourner', 'rentree', 'regresar', 'regreso', 'retorno', 'balik', 'balik kampung', 'pulang kampung', 'kembali ke', 'vratim', 'vratiti se', 'povratak', 'povratnik*', 'kthim', 'kthehem', 'kthej', 'kthy*', 'me u kthy', 'wapas jana', 'wapas aana', 'wapis jana', 'ghar wapas', 'nrja3', 'nrjaa', 'rja3', 'raja3', 'rj3', 'nerja3', 'العودة', 'الرجوع', 'ارجع', 'راجعين', 'نرجعو',
    'rag3een', 'rag3in', 'raj3een', 'raj3in', 'rage3', 'rag3', 'rage3een', 'الراجعين', 'العائدين', 'عائد', 'عائدين', 'راجعين',
    'mraja3in', 'mrawa7in', 'rje3t', 'rjeat', 'rja3na', 'rje3na', 'rjaat', 'raja3t', 'rg3t', 'rege3t', 'rage3t', 'rj3na', 'ktheva', 'u ktheva', 'ktheu', 'kthyem', 'kthye', 'vratila', 'vratili', 'vratio sam', 'vratili su', 'balik ke', 'udh balik', 'udah pulang', 'kam ardh prej', 'kam ardhur nga', 'erdha prej', 'erdha nga', 'jam kthy', 'kemi ardh prej', 'wapas aa gaya', 'wapas aya', 'wapis aaya', 'deport ho ke', 'dem deport', 'send me back', 'sent back',
  ],
  // The federal voluntary-return programme by its names: "REAG still dey for me?", "garp 2.0", "retour volontaire".
  voluntaryReturn: ['reag*', 'garp*', 'returningfromgermany', 'voluntary return', 'retour volontaire', 'freiwillige ruckkehr', 'freiwillige rueckkehr', 'retorno voluntario', 'pulang sukarela', 'kthim vullnetar', 'kthimi vullnetar', 'dobrovoljni povratak', 'العوده الطوعيه', 'رضاکارانہ واپسی', 'razakarana wapsi'],
  business: [
    'business*', 'startup', 'start up', 'own company', 'existenzgrund*', 'selbststandig*', 'gewerbe', 'entreprise*', 'projet', 'negocio*', 'emprend*', 'usaha', 'bisnis', 'wirausaha', 'biznis*', 'firma', 'preduzec*', 'biznes*', 'sipermarrj*', 'karobar', 'kaarobar', 'dukaan', 'dukan',
    'مشروع', 'مشروعي', 'المشروع', 'تجاره', 'کاروبار', 'دکان', 'machrou3', 'mashrou3', 'mchrou3', 'mashroo3', 'grant', 'grants',
    'biznes', 'biznesi', 'biznesin', 'bisnes', 'bisnis*', 'usaha', 'wirausaha', 'dagang', 'warung', 'toko', 'shop', 'small business', 'own business', 'projekat', 'radnja', 'firmu', 'sopstveni', 'dyqan*', 'karobar*', 'kaarobar', 'dukan*', 'dukaan*', 'mashroo', 'mashrou3', 'machrou3', 'mchrou3', 'projet', 'مشروع صغير', 'حانوت', 'تجارة',
    'صالون', 'محل', 'المحل', 'ورشه', 'ma7al', 'ma7el', 'mahal',
  ],
  recognition: [
    'تتعادل', 'يتعادل', 'تعادل', 'تعادلها', 'نعادل', 'm3adla', 'mo3adala', 'mu3adala',
    'recogn*', 'anerkenn*', 'anerkannt*', 'reconnaiss*', 'equivalen*', 'reconoc*', 'homolog*', 'pengakuan', 'penyetaraan', 'priznavanj*', 'nostrifik*', 'njohj*', 'njohur*', 'equivalence', 'tasdeeq', 'manzoori',
    'معادله', 'معادلة', 'اعتراف', 'الاعتراف', 'منظوري', 'تصديق', 'mu3adala', 'mo3adala', 'm3adala', 'anerkennung', 'diploma*', 'diplom*', 'degree', 'shahada', 'chahada', 'سند', 'ڈگري', 'degri',
    'recognize', 'recognise', 'recognised', 'recognized', 'accept my', 'gleichwert*', 'anerkennen', 'reconnu', 'reconnaitre', 'homologar', 'convalid*', 'nostrifikacij*', 'priznat*', 'priznaje', 'njohje', 'njihet', 'manzoor', 'tasleem', 'tasdiq', '3tirafat', 'مصادقه', 'معادلة الشهادة', 'تعادل',
    'ديبلوم', 'الديبلوم', 'ديبلوما', 'دبلوم', 'الدبلوم', 'ديپلوما', 'ڈپلومہ', 'ڈگری',
    'a3adil*', 'n3adil*', 'n3adel*', 'y3adil*', 't3adil*', 'm3adal*', 'mu3adal*', 'ta3adul', 'ta3adol', 'anerken*', 'anerkan*', 'annerken*', 'aner kennung',
  ],
  appointment: [
    'appointment*', 'appoint', 'termin*', 'rendez vous', 'rdv', 'cita', 'citas', 'janji', 'jadwal', 'temu', 'zakaz*', 'takim*', 'mulaqat', 'apointment', 'appointmnt',
    'موعد', 'الموعد', 'مواعيد', 'ميعاد', 'اپائنٹمنٹ', 'ملاقات', 'maw3id', 'maw3ed', 'mou3id', 'rendezvous',
    'termin*', 'appt', 'apointmnt', 'apointment', 'appoitment', 'rdv', 'rendez vous', 'cita previa', 'janji temu', 'booking', 'book', 'reserve', 'reservation', 'zakazati', 'zakazivanje', 'termina', 'takim', 'takimin', 'caktim', 'appointment lena', 'maw3ad', 'mw3d', 'mou3ad', 'ميعاد', 'الميعاد', 'حجز', 'نحجز', 'بوكنگ',
    'رونديفو', 'الرونديفو', 'رانديفو', 'روندفو', 'رنديفو', 'randevu', 'rendevu', 'rondivo', 'randivo',
  ],
  embassy: [
    'embass*', 'botschaft*', 'konsulat*', 'consulat*', 'ambassade*', 'embajad*', 'consulado*', 'kedutaan', 'kedubes', 'konsul*', 'ambasad*', 'vfs', 'ambessy', 'ambesi', 'embasy', 'sifarat',
    'سفاره', 'السفاره', 'القنصليه', 'قنصليه', 'ايمبيسي', 'ايمبسي', 'سفارت', 'sifara', 'sefara', 'safara', 'lsafara',
    'ambasada', 'ambasadu', 'ambasadi', 'ambasad*', 'konzulat*', 'konzularn*', 'consular', 'ambasade', 'ambasadë', 'kedutaan besar', 'kbri', 'sefaret', 'sifarat khana', 'safarat', 'sifaratkhana', 'سفارت خانه', 'السفارة', 'سفارة', 'القنصلية',
    'سفارتخانہ', 'ایمبیسی', 'ambassy', 'ambesi',
  ],
  employer: [
    'employer*', 'boss', 'oga', 'madam', 'arbeitgeber*', 'chef', 'patron', 'employeur*', 'empleador*', 'jefe', 'majikan', 'bos', 'poslodav*', 'sef', 'punedhen*', 'shefi', 'seth', 'malik', 'kafeel', 'kafil', 'sponsor', 'company', 'firma', 'firm',
    'صاحب الشغل', 'صاحب العمل', 'الکفيل', 'کفيل', 'كفيل', 'الباطرون', 'باطرون', 'مالک', 'سيٹھ', 'کمپني', 'شرکه', 'الشرکه', 'patron', 'lpatron', 'kfil', 'mudir',
    'bos', 'boss*', 'oga', 'madam', 'sponsor', 'kafala', 'kfeel', 'lkfil', 'malik', 'maalik', 'seth', 'sethh', 'company', 'kompani', 'kompanija', 'kompanin', 'poslodavac', 'poslodavca', 'gazd*', 'sef', 'shef*', 'pronar*', 'punedhen*', 'majikan*', 'juragan', 'arbeitgeber*', 'patron', 'patrona', 'el patron', 'الكفيل', 'كفيل', 'الكفاله', 'الشركة', 'شركه', 'شركة',
    'sharike', 'sharika', 'sherke', 'shirke', 'sherka', 'shirka', 'chirka', 'cherka', 'sharikat', 'sharikeh',
  ],
  confiscate: [
    'kept', 'keep', 'keeps', 'took', 'taken', 'take my', 'hold', 'holding', 'held', 'seized', 'confiscat*', 'behalten', 'weggenommen', 'abgenommen', 'einbehalten', 'garde', 'gardent', 'pris', 'confisq*', 'quitaron', 'quito', 'retien*', 'ditahan', 'menahan', 'disita', 'diambil', 'oduzeo', 'oduzeli', 'uzeo', 'uzeli', 'zadrza*', 'mbajt*', 'mban', 'morren', 'mori', 'rakh liya', 'rakh lia', 'rakha', 'rakh', 'le liya', 'chheen', 'cheen',
    'اخدوا', 'اخذوا', 'خذا', 'شدو', 'شدوا', 'حاجزين', 'محجوز', 'مصادره', 'رکھ', 'چھين', 'khdaw', 'khdou', 'khedaw', 'chedou', 'chaddin', 'hajzin', 'ma5ed', 'makhed', 'khad', 'khaddo', 'seize',
    'collect my', 'collected', 'collect am', 'seize', 'snatch', 'grab', 'hold my', 'keep my', 'kept my', 'took my', 'taken my', 'dem take', 'im take', 'zadrzao', 'zadrzali', 'oduzet*', 'uzeli su', 'ma mori', 'mi mori', 'ma mbajti', 'mbajti', 'morën', 'ditahan', 'disimpan', 'menyimpan', 'dipegang', 'pegang', 'mengambil', 'jabt', 'zabt', 'zapt', 'chheena', 'cheena', 'rakh liye', 'rakh li', 'khdaw', '5daw', 'khdaw li', 'dawha', 'dawh', 'شدولي', 'خداو', 'خداولي', 'اخدو', 'داوه', 'حاجزه', 'ماسكه', 'مصادرة',
  ],
  locked: [
    'locked', 'lock', 'lock me', 'eingesperrt', 'enferm*', 'encerrad*', 'dikunci', 'zakljuc*', 'mbyll*', 'band', 'bund', 'qaid', 'not allowed out', 'cannot leave', 'can t leave',
    'قافلين', 'مسکرين', 'مقفول', 'محبوس', 'حابسين', 'بند', 'قيد', 'ma5loug', 'msakrin', 'msekrin', '9aflin', 'qaflin',
    'locked up', 'lock up', 'locked in', 'lock am', 'dem lock', 'zatvoren*', 'zakljucan*', 'zakljucali', 'me mbyllen', 'mbyllur', 'dikurung', 'kurung', 'terkunci', 'band kar diya', 'band kardiya', 'band kiya', 'qaid', 'qaid mein', 'msdood', 'm9foul', 'ms9ar', 'msakrin', 'قافلين علي', 'سكرو علي', 'حبسوني', 'مسجون',
  ],
  woman: [
    'woman', 'women', 'female', 'girl', 'lady', 'frau', 'frauen', 'femme', 'femmes', 'mujer', 'mujeres', 'perempuan', 'wanita', 'cewek', 'zena', 'zene', 'zensk*', 'grua', 'gra', 'femra', 'aurat', 'aurton', 'khatoon', 'larki', 'larkiyan',
    'امراه', 'امراة', 'المراه', 'نساء', 'النساء', 'بنت', 'عورت', 'خاتون', 'لڑکي', 'mra', 'mrra', 'bent', 'nisa', 'nsa',
    'woman', 'women', 'femal', 'gals', 'girls', 'women migrants', 'womn', 'ladies', 'wanita*', 'perempuan*', 'ibu ibu', 'tkw', 'zene', 'zena', 'zensk*', 'grate', 'grat', 'gruaja', 'femra', 'aurat', 'auraten', 'aurtein', 'khawateen', 'ladkiyan', 'ladki', 'larkiyon', 'mra', 'mrayat', 'lbnat', 'bnat', 'نسا', 'البنات', 'بنات', 'امراة', 'المراة', 'خواتين', 'عورتوں', 'عورتيں',
    'niswan', 'neswan', 'nesswan', 'nswan', 'نسوان', 'النسوان', 'ستات', 'الستات', 'sittat', 'settat', 'sitat', 'سيدات', 'السيدات', 'sayidat',
  ],
  domestic: [
    'domestic', 'housemaid', 'maid', 'house help', 'housework', 'nanny', 'haushalt*', 'hausangestell*', 'menage', 'femme de menage', 'domestique', 'empleada', 'hogar', 'pembantu', 'prt', 'asisten rumah tangga', 'domacic*', 'kucn*', 'shtepiak*', 'ghar ka kaam', 'ghar ke kaam', 'masi', 'maasi',
    'خادمه', 'الخادمه', 'عامله منزليه', 'منزليه', 'شغاله', 'بونيه', 'گھر', 'ماسي', 'khadima', 'khedama', 'bonne', 'chaghala',
    'house girl', 'housegirl', 'house boy', 'cleaner', 'cleaning', 'nanny', 'babysit*', 'caretaker', 'driver', 'domestic worker', 'pembantu rumah tangga', 'tki', 'tkw', 'pmi', 'babysitter', 'kucna pomocnica', 'kucna pomoc', 'pastrues*', 'shtepi', 'shpi', 'kaam wali', 'kaamwali', 'ghar ka kaam', 'naukrani', 'khadama', 'khdama', '5adema', '5adama', 'خدامه', 'الخدامه', 'خادمة', 'شغالة', 'ماسی',
  ],
  fraud: [
    'fake', 'scam*', 'fraud*', 'betrug*', 'gefalscht*', 'falsch', 'arnaque*', 'faux', 'fausse', 'escroc*', 'estafa*', 'falso', 'falsa', 'palsu', 'penipu*', 'tipu', 'prevar*', 'lazn*', 'falsifik*', 'mashtrim*', 'rrem*', 'nakli', 'naqli', 'dhoka', 'dhoke', 'jaali', 'jali', '419', 'guarant*', 'garant*', 'madmoun*', 'madmouna',
    'مزوره', 'مزور', 'تزوير', 'نصب', 'نصاب', 'احتيال', 'مضمون', 'مضمونه', 'مضمونة', 'مضمونه', 'فيک', 'فراڈ', 'دھوکه', 'دھوکا', 'جعلي', 'نقلي', 'گارنٹي', 'nasb', 'nassab', 'nasab*', 'nasba', 'nasbin', 'nassaba', 'nasaba', 'mzawra', 'mzawar', 'tazwir', 'ghesh', 'ghech',
    'scam', 'scammer', 'scammers', '419', 'fake', 'fake fake', 'wayo', 'trickster', 'yahoo yahoo', 'too good', 'legit', 'legitimate', 'genuine', 'serios', 'seriozno', 'serioz', 'serieux', 'real or fake', 'jaali', 'jaaly', 'fake hai', 'dhokha', 'dhokebaz', 'farji', 'frod', 'fraud', 'prevara', 'prevaranti', 'lazni', 'lazan', 'lazna', 'lazno', 'falsifikuar', 'rreme', 'mashtrues*', 'penipuan', 'penipu', 'bohong', 'abal abal', 'nassabin', 'nasaba', '9ofa', 'مزيف', 'مزيفه', 'مزيفة', 'نصابين', 'نصبو', 'غش', 'كذب', 'كذاب', 'احتيال', 'فراڈيا', 'جعلی',
    'pakka visa', 'visa pakka', 'paka visa', 'pakki visa', 'sure visa', '100% visa', '100 percent visa', 'visa guarantee', 'guaranteed visa', 'dila dunga', 'dilwa dunga', 'dilwa denge', 'lagwa dunga', 'lagwa denge', 'پکا ویزا', 'پکی ویزا', 'visa assuree', 'visa garanti', 'visa garantie', 'visa sur', 'visa 100%', 'fiza madmouna', 'visa madmouna',
  ],
  asylum: [
    'asylum', 'refugee*', 'asyl*', 'fluchtling*', 'asile', 'refugie*', 'asilo', 'refugiad*', 'suaka', 'pengungsi', 'azil*', 'izbeglic*', 'izbjeglic*', 'strehim*', 'refugjat*', 'panah', 'panahgazeen',
    'لجوء', 'اللجوء', 'لاجئ', 'لاجي', 'پناه', 'پناہ', 'پناہ گزين', 'lju2', 'luju2', 'lojou2', 'lajea', 'asylum',
    'asyl', 'asylbewerber', 'asylantrag', 'asylum seeker', 'demandeur d asile', 'solicitante de asilo', 'suaka politik', 'azil', 'azila', 'azilant*', 'azilanti', 'azilu', 'strehim', 'strehimi', 'azili', 'panah lena', 'siyasi panah', 'l2ojou2', 'lojou', 'lujoo', 'لجوء سياسي', 'طالب لجوء', 'اللجوء السياسي',
    'سیاسی پناہ', 'siyasi panah', 'siasi panah',
    'lugoo2', 'lujoo2', 'lujoo', 'logoo2', 'loujou2', 'lgou2',
  ],
  deport: [
    'deport*', 'abschieb*', 'ausweis*', 'expuls*', 'reconduit*', 'deportas*', 'deportasi', 'dideport*', 'deportov*', 'deport', 'dëbim*', 'debim*', 'ban', 'entry ban', 'einreisesperre', 'interdiction', 'prohibicion', 'larangan', 'zabrana', 'ndalim*', 'jail', 'prison', 'gefangnis', 'penjara', 'zatvor', 'burg', 'jail', 'punish*',
    'ترحيل', 'الترحيل', 'رحلوني', 'منع الدخول', 'سجن', 'السجن', 'ڈي پورٹ', 'جيل', 'سزا', 'tar7il', 'ter7il', 'saza',
    'deported', 'deportation', 'deport am', 'sent back', 'send back', 'abgeschoben', 'abschiebung', 'expulse', 'expulsion', 'deportado', 'dideportasi', 'deportovan*', 'protjeran*', 'dëbuar', 'debuar', 'deport kar', 'deport kiya', 'wapas bhej', 'rahlouni', 'r7louni', 'tr7il', 'الترحيل', 'رحلوه', 'رجعوني بالسيف', 'بصمه', 'بصمات', 'البصمه', 'fingerprint*', 'fingerabdr*', 'empreinte*', 'huella*', 'sidik jari', 'otis* prst*', 'gjurm* gishtash', 'ungliyon ke nishan', 'angothay', 'dublin',
    'ملک بدر', 'نکال دیا', 'mulk badar', 'nikal diya', 'nikal dia',
  ],
  centre: [
    'centre', 'center', 'centres', 'centers', 'zentrum', 'zentren', 'centro', 'pusat', 'centar', 'qendr*', 'markaz', 'office', 'buro', 'bureau', 'kantor', 'kancelarij*', 'zyr*', 'dafter', 'daftar',
    'مرکز', 'المرکز', 'المراکز', 'مراکز', 'سينٹر', 'سنٹر', 'دفتر', 'lmarkaz', 'lmerkez', 'markaz', 'sentr', 'senter', 'sentar',
    'ofis', 'office', 'offices', 'branch', 'branches', 'bureau', 'burau', 'kantor', 'kantornya', 'kantor cabang', 'ured', 'ureda', 'uredu', 'kancelarija', 'kancelariju', 'zyra', 'zyren', 'qendra', 'qendren', 'daftar', 'markaz', 'lmarkaz', 'lmaktab', 'maktab', 'مكتب', 'المكتب', 'مكاتب', 'مركز', 'المركز', 'دفتر', 'آفس', 'افس',
  ],
  human: [
    'human', 'person', 'real person', 'someone', 'staff', 'advisor', 'adviser', 'counsel*', 'mensch', 'berater*', 'beratung', 'humain', 'conseill*', 'quelqu un', 'humano', 'persona', 'asesor*', 'manusia', 'petugas', 'konselor', 'covek', 'coveka', 'savetnik*', 'savjetnik*', 'njeri', 'njeriu', 'keshilltar*', 'insaan', 'insan', 'banda', 'aadmi', 'robot', 'bot',
    'انسان', 'شخص', 'موظف', 'مستشار', 'بنده', 'آدمي', 'روبوت', 'بوٹ', 'insan', 'mowadaf', 'mowazaf', 'chi wa7ed', 'chi wahed',
    'person', 'persons', 'somebody', 'someone', 'anybody', 'real human', 'human being', 'staff member', 'agent person', 'mensch', 'menschen', 'jemand', 'quelqu un', 'une personne', 'alguien', 'una persona', 'orang', 'seseorang', 'petugas', 'covek', 'coveka', 'coveku', 'neko', 'nekog', 'dikush', 'dike', 'nje njeri', 'njeri', 'koi banda', 'koi insaan', 'kisi se baat', 'kisi banday', 'bande se', 'chi wahed', 'chi wa7ed', 'shi wahed', 'شي واحد', 'شخص حقيقي', 'کوئي',
  ],
  privacy: [
    'data', 'privacy', 'private', 'datenschutz', 'daten', 'donnees', 'confidential*', 'datos', 'privacidad', 'privasi', 'podac*', 'privatnost', 'te dhenat', 'privatesi*', 'delete', 'loschen', 'supprimer', 'borrar', 'hapus', 'obrisati', 'fshij', 'chat', 'conversation*', 'gespräch*',
    'بيانات', 'البيانات', 'بياناتي', 'خصوصيه', 'محادثات', 'محادثاتي', 'ڈيٹا', 'رازداري', 'mohadathat', 'bayanat', 'baynat',
    'my data', 'personal data', 'donnees personnelles', 'datos personales', 'data pribadi', 'licni podaci', 'podaci', 'podatke', 'te dhenat personale', 'te dhenat', 'mere data', 'meri maloomat', 'معلوماتي', 'معلوماتي الشخصيه', 'privacy policy', 'stored', 'speichern', 'gespeichert', 'enregistre', 'guardan', 'disimpan', 'cuvate', 'ruani',
    'tkhazn*', 'btkhazn*', 'btekhzan*', 'tekhzan*', 'khazzen*', 'tkhbiw', 'تخزن', 'بتخزنو', 'تخزين', 'تخزنوها', 'tem7i*', 'tam7i*', 'tmes7*', 'temse7*', 'nfasa5*', 'tfassa5*', 'تمسحوا', 'تمسحها', 'تحذفوا', 'احذف', 'حذف', 'hapus*', 'dihapus', 'dhapus', 'disimpen', 'dsimpen', 'nyimpen', 'obris*', 'izbris*', 'fshini', 'fshihen', 'fshij', 'i ruani', 'mita do', 'mitana', 'delete karwa', 'delete karo', 'delete am', 'saved', 'save am', 'ruajtur', 'cuvate', 'cuvaju',
  ],
  training: [
    'ausbildung*', 'apprentice*', 'vocational', 'training', 'trainee', 'formation', 'apprentissage', 'alternance', 'formacion', 'aprendiz*', 'pelatihan', 'magang', 'vokasi', 'obuk*', 'zanat*', 'strucn*', 'profesional*', 'formim*', 'aftesim*', 'hunar', 'tarbiyat', 'training',
    'اوسبيلدونغ', 'اوسبلدونغ', 'تکوين', 'التکوين', 'تدريب', 'التدريب', 'مهني', 'ٹريننگ', 'ہنر', 'تربيت', 'ausbildong', 'osbildung', 'takwin', 'tadrib', 'lformation',
    'trade test', 'vocational training', 'technical school', 'apprenticeship', 'ausbildungsplatz', 'lehre', 'lehrling', 'formation professionnelle', 'formacion profesional', 'fp', 'pelatihan kerja', 'kursus', 'skola', 'zanat', 'strucna', 'strucno', 'shkolla profesionale', 'profesionale', 'hunar', 'hunarmand', 'kaarigar', 'takwin mihani', 'tkwin', 'التكوين المهني', 'تكوين مهني', 'حرفه', 'صنعه', 'مهنه',
    'اوسبيلدونق', 'اوسبيلدونج', 'اوسبلدونق', 'اوسبيلدونگ', 'ausbeldung', 'osbildong', 'ausbildoung',
    'آؤسبلڈونگ', 'آسبلڈنگ', 'آوسبلڈونگ', 'اوسبلڈنگ', 'آؤسبلڈنگ', 'اوسبلدونگ', 'اوسبيلدنغ',
    'ausbil*', 'ausbld*', 'ausbuldung', 'ausbiltung', 'aus bildung', 'azubi*', 'auzbildung', 'osbildung*',
    'learn a trade', 'learn a craft', 'learning a trade', 'trade school', 'handwerk lernen', 'beruf lernen', 'einen beruf lernen', 'apprendre un metier', 'aprender un oficio', 'aprender oficio', 'mesoj zanat', 'mesoje zanat', 'mesoje nje zanat', 'belajar keterampilan', 'keterampilan', 'izuciti zanat', 'nauciti zanat', 'hunar seekhna', 'kaam seekhna', 'يتعلم صنعه', 'اتعلم صنعه', 'نتعلم صنعه', 'يتعلم مهنه', 'اتعلم مهنه', 'تتعلم مهنه', 'san3a', 'sin3a', 'sen3a',
  ],
  seasonal: [
    'temporary', 'temporary work', 'temporary job', 'short term', 'short-term', 'few months', 'travail temporaire', 'quelques mois', 'befristet', 'kurzzeit*', 'trabajo temporal', 'unos meses', 'kerja sementara', 'beberapa bulan', 'pune e perkohshme', 'privremen*', 'kuch mahine', 'kuch mahinon', 'عمل مؤقت', 'شغل مؤقت',
    'season*', 'saison*', 'harvest*', 'ernte*', 'erntehelfer', 'agricultur*', 'farm*', 'landwirtschaft*', 'recolte*', 'vendange*', 'temporer*', 'temporada', 'cosecha', 'campo', 'musiman', 'panen', 'pertanian', 'sezon*', 'berba', 'poljoprivred*', 'sezonal*', 'bujqesi*', 'fasl', 'kheti', 'khet',
    'موسمي', 'الموسمي', 'زراعه', 'الزراعه', 'فلاحه', 'الفلاحه', 'جني', 'موسمي کام', 'کھيت', 'فصل', 'falaha', 'fla7a', 'mawsimi', 'mausmi', 'strawberr*', 'asparag*', 'spargel', 'fraise*', 'fresa*',
    'harvest', 'harvesting', 'picking', 'fruit picking', 'farm work', 'farmwork', 'agriculture', 'saisonarbeit*', 'saisonnier*', 'temporero*', 'jornalero*', 'pekerja musiman', 'sezonski', 'sezonsk*', 'sezonale', 'sezonal', 'puna sezonale', 'fasal', 'khet', 'kheton', 'kisan', 'fla7a', 'l7ssad', '7ssad', 'l7assad', 'الحصاد', 'الفلاحة', 'الجني', 'جني الفراوله',
  ],
  // The yearly cap of the Western Balkans regulation and the seasonal contingents: "a ka kuote?", "ist das kontingent voll?".
  quota: ['quota*', 'sa veta', 'sa vete', 'how many people', 'combien de personnes', 'wie viele leute', 'wie viele menschen', 'koliko ljudi', 'berapa orang', 'kitne log', 'kitne logon', 'cuantas personas', 'كم شخص', 'kuot*', 'kvot*', 'kontingent*', 'contingent*', 'cupo', 'cupos', 'kuota', 'حصه', 'الحصه', 'کوٹہ', 'کوٹے', 'کوٹا', 'kota tahunan'],
  opportunityCard: [
    'chancenkarte', 'opportunity card', 'opportunity', 'points', 'point', 'punkte', 'carte opportunite', 'carte des chances', 'carte des opportunites', 'carte d opportunite', 'carte d opportunites', 'opportunites', 'tarjeta de oportunidades', 'kartu peluang', 'karta sansi', 'karta mogucnosti', 'karta e mundesive', 'chance card',
    'بطاقه الفرص', 'الفرص', 'فرص', 'نقاط', 'نقطه', 'پوائنٹس', 'چانس کارڈ', 'موقع کارڈ', 'نقاط', 'no9at', 'nuqat', 'noqat', 'chancen',
    'chancen karte', 'chancenkart*', 'opportunity kard', 'opp card', 'job seeker visa', 'jobseeker', 'job seeker', 'job search visa', 'visa de recherche d emploi', 'visa de busqueda de empleo', 'visa pencari kerja', 'viza za trazenje posla', 'vize per kerkim pune', 'job seeker visa', 'punten', 'points system', 'chancen',
    'شونص', 'الشونص', 'شانسن', 'شانسين', 'chance karte', 'شانس کارڈ', 'چانسن کارٹے',
    'جانس', 'الجانس', 'جانس كارت', 'جانس كارته', 'شانس كارت', 'شانس كارته', 'shansen', 'shancen', 'chans karte', 'chance karte', 'chancenkart', 'karta sansi', 'kartica sansi', 'karticu sansi', 'karticu za trazenje', 'kartica za trazenje', 'karta za trazenje', 'kartu za trazenje', 'karten e mundesive', 'karta e shanseve', 'kartu kesempatan', 'kartu peluang kerja',
  ],
  blueCard: [
    'blue card', 'blaue karte', 'bluecard', 'carte bleue', 'tarjeta azul', 'kartu biru', 'plava karta', 'karta blu', 'karta e kalter', 'blu card', 'blue kard',
    'البطاقه الزرقاء', 'البلو کارد', 'بلو کارد', 'بليو کارڈ', 'بلو کارڈ', 'zar9a', 'zarqa', 'blu kard',
    'bluecard', 'blue-card', 'bleu', 'blauen karte', 'blaue', 'blue', 'plave karte', 'plavu kartu', 'karta blu', 'kartu biru', 'tarjeta azul ue', 'البطاقة الزرقاء', 'بلوكارد', 'بلو كارت', 'blu kart',
    'البلو كارت', 'البلو كارد', 'بلو كارد', 'البلوكارت', 'بلوكارت', 'بلیو کارڈ',
  ],
  experience: [
    'experience', 'experienced', 'berufserfahrung', 'erfahrung', 'experience professionnelle', 'experiencia', 'pengalaman', 'iskustv*', 'pervoj*', 'tajurba', 'tajruba', 'tajarba', 'tajurbah',
    'خبره', 'الخبره', 'خبرتي', 'تجربه', 'تجربہ', 'تجربے', 'خبرة', 'khibra', 'khebra', 'tajriba',
    'years experience', 'year experience', 'experience letter', 'berufserfahr*', 'erfahrungen', 'experiences', 'annees d experience', 'anos de experiencia', 'pengalaman kerja', 'radno iskustvo', 'iskustvo', 'iskustva', 'pervoje', 'pervoja', 'pervojen', 'tajurbah', 'tajurbay', 'tajurba*', 'saal ka tajurba', 'khibra', 'khebra', '5ebra', 'khbra', 'الخبرة', 'خبرات', 'سنين خبره',
  ],
  gulf: [
    'gulf', 'saudi*', 'dubai', 'uae', 'emirates', 'qatar', 'kuwait', 'oman', 'bahrain', 'golf', 'golfe', 'golfo', 'arab saudi', 'timur tengah', 'zaliv*', 'gjiri', 'saudia', 'saudiya', 'ksa', 'malaysia', 'jordan', 'lebanon', 'middle east',
    'الخليج', 'السعوديه', 'سعوديه', 'دبي', 'الامارات', 'امارات', 'قطر', 'الكويت', 'الکويت', 'سعودي', 'سعودیہ', 'خليج', 'دوبئي', 'khalij', 'lkhalij', 'sa3oudiya', 'su3udiya',
    'saudi arabia', 'riyadh', 'jeddah', 'doha', 'abu dhabi', 'sharjah', 'muscat', 'kuwait city', 'arabia', 'timur tengah', 'arab saudi', 'saudia arabia', 'gulf countries', 'dubai', 'dubay', 'dubayy', 'duba', 'saudi', 'sa3oudia', 'sa3odia', 'lkhlij', 'السعودية', 'الرياض', 'جده', 'الدوحة', 'ابوظبي', 'مسقط', 'الكويت',
  ],
  psychosocial: [
    // Darija and Arabic for low mood: "ana mkta2b bzaf, m9hour", "kan7ass b rasi dayi3", "nas kaygolo fachel".
    'mkta2b', 'mkt2b', 'mktaeb', 'mokta2ib', 'مكتئب', 'مكتئبه', 'm9hour', 'mqhour', 'ma9hour', 'مقهور', 'dayi3', 'dayae', 'ضايع', 'fachel', 'fachla', 'فاشل', 'فاشله', 'kan7ass', 'kanhass', 'خايب',
    'depress*', 'stress*', 'anxi*', 'mental*', 'trauma*', 'psych*', 'shame', 'ashamed', 'failure', 'lonely', 'sleep', 'angst', 'traurig', 'scham', 'triste', 'honte', 'echec', 'verguenza', 'fracaso', 'malu', 'sedih', 'gagal', 'stres', 'tuga', 'sram', 'neuspeh', 'turp', 'deshtim', 'pareshan', 'pareshani', 'sharam', 'sharmindagi', 'tension', 'nakami',
    'اكتئاب', 'اکتئاب', 'حزين', 'فشل', 'بالفشل', 'الفشل', 'ضغط', 'نفسي', 'نفسيه', 'عار', 'ڈپريشن', 'پريشان', 'پريشاني', 'شرم', 'ناکامي', 'tension', '7ochma', 'hchouma', 'l7chouma', 'nafsiya', 'mkta2eb', 'fachal', 'fashal',
    'sad', 'sadness', 'depressed', 'depression', 'mental health', 'hopeless', 'ashamed', 'embarrassed', 'cant sleep', 'can t sleep', 'no sleep', 'schlaflos', 'deprimiert', 'depressif', 'deprime', 'deprimido', 'ansiedad', 'cemas', 'sedih', 'stres', 'stresan', 'depresij*', 'anksioz*', 'depresion*', 'merzit*', 'i merzitur', 'pareshaan', 'udaas', 'udas', 'dil nahi', 'dimagh', 'mayus', 'mayoos', 'm9la9', 'mqalaq', 'mdeprimi', 'mdepresi', 'hzin', '7zin', 'مقلق', 'قلق', 'القلق', 'حزن', 'مكتئب', 'زهقت', 'تعبان نفسيا', 'اداس', 'مايوس',
  ],
  medical: [
    'medic*', 'medikament*', 'hospital*', 'doctor*', 'sick', 'illness', 'disease', 'diabet*', 'heart', 'insulin', 'arzt', 'krank*', 'medicament*', 'maladie', 'malade', 'medecin', 'enfermedad', 'enfermo', 'obat', 'sakit', 'rumah sakit', 'lijek*', 'bolest*', 'bolnic*', 'ilac*', 'semund*', 'spital*', 'dawai', 'dawa', 'dawa2', 'dwa', 'bimari', 'beemari', 'marz', 'ilaj', 'elaj', 'treatment',
    'دواء', 'الدواء', 'دوا', 'الدوا', 'دوائي', 'مرض', 'المرض', 'مستشفى', 'مستشفي', 'علاج', 'العلاج', 'سکر', 'السکر', 'بيماري', 'دوائي', 'ہسپتال', 'اسپتال', 'sbitar', 'mrida', 'mrid', '3ilaj', 'tbib', 'doktor',
    'sick', 'ill', 'illness', 'health', 'healthcare', 'gesundheit', 'sante', 'salud', 'kesehatan', 'zdravlj*', 'shendet*', 'sehat', 'sa7a', 'seha', 'الصحه', 'صحه', 'صحتي', 'hospital*', 'clinic', 'klinik', 'klinika', 'dawai', 'dawaiyan', 'medicine', 'medicines', 'medication', 'pills', 'tablets', 'operation', 'surgery', 'operasi', 'operacij*', 'operacion', 'operim*', 'amaliyat', 'amaliya', '3amaliya', 'عمليه', 'جراحه', 'کینسر', 'cancer', 'kanser', 'dialys*', 'pregnan*', 'schwanger', 'enceinte', 'embarazada', 'hamil', 'trudn*', 'shtatzen*', 'hamla', '7amel', 'حامل', 'disabled', 'disability', 'behinder*', 'handicap*', 'discapacidad', 'disabilitas', 'invaliditet*', 'aftesi te kufizuara', 'mazoor', 'ma3a9', 'معاق', 'اعاقه',
  ],
  diaspora: [
    'diaspora*', 'community', 'association*', 'verein*', 'asociacion*', 'komunitas', 'perkumpulan', 'udruzenj*', 'dijaspor*', 'shoqat*', 'mergimtar*', 'community', 'tanzeem', 'jaliya', 'jalia',
    'الجاليه', 'جاليه', 'جمعيه', 'جمعيتنا', 'الجمعيه', 'مغتربين', 'تارکين وطن', 'ڈائسپورا', 'تنظيم', 'overseas pakistani', 'overseas',
    'diaspora', 'diasporan', 'abroad community', 'hometown association', 'ghanaians abroad', 'nigerians abroad', 'auslands*', 'migrantenorganisation', 'migrant organisation', 'migrant association', 'expat', 'expats', 'expatrie*', 'overseas pakistanis', 'overseas', 'pardes', 'pardesi', 'mergimtaret', 'dijaspora', 'dijasporu', 'iseljeni*', 'iseljeništvo', 'perantau', 'diaspora indonesia', 'mughtaribin', 'lmhajrin', 'jaliya', 'الجالية', 'المغتربين', 'پرديس', 'پرديسي', 'اوورسيز',
  ],
  partnership: [
    'partnership*', 'agreement*', 'abkommen', 'partnerschaft*', 'accord*', 'acuerdo*', 'asociacion', 'kemitraan', 'perjanjian', 'sporazum*', 'partnerstv*', 'marreveshj*', 'partneritet*', 'muahida', 'muahada', 'moahida',
    'شراكه', 'الشراكه', 'اتفاقيه', 'الاتفاقيه', 'اتفاق', 'معاهده', 'معاہدے', 'معاہدہ', 'شراکت', 'chraka', 'shiraka', 'itifa9',
    'pilot', 'initiative', 'initiativ*', 'pame', 'agreement with', 'cooperation', 'kooperation', 'cooperacion', 'kerjasama', 'saradnj*', 'bashkepunim*', 'ta3awon', 'تعاون',
  ],
  rights: [
    'right', 'rights', 'rechte', 'recht', 'droit', 'droits', 'derecho', 'derechos', 'hak', 'prava', 'pravo', 'te drejt*', 'drejta', 'huqooq', 'haqooq', 'haq', 'hukuk',
    'حقوق', 'حقوقي', 'حق', 'الحقوق', '7o9o9', '7ouqouq', 'hqouq', '7a9',
    'my right', 'my rights', 'law', 'laws', 'gesetz*', 'loi', 'ley', 'leyes', 'hukum', 'undang', 'zakon*', 'ligj*', 'qanoon', 'qanun', 'kanoon', '9anoun', 'qanun', 'القانون', 'قانون', 'قانوني', 'justice', 'complain*', 'beschwer*', 'plainte', 'queja', 'denuncia', 'aduan', 'lapor', 'melapor', 'zalba', 'prijav*', 'ankes*', 'shikayat', 'shikayet', 'chikaya', 'شكوى', 'شكايه', 'شکايت',
  ],
  hours: [
    'overtime', 'hours', 'hour', 'stunden', 'uberstunden', 'heures', 'heure', 'horas', 'hora', 'jam', 'lembur', 'sati', 'prekovremen*', 'ore', 'oret', 'ghante', 'ghantay', 'ghanta',
    'ساعات', 'الساعات', 'ساعه', 'ساعات اضافيه', 'اوور تايم', 'گھنٹے', 'سوايع', 'swaye3', 'sa3at',
    'working hours', 'work hours', 'hours per week', 'arbeitszeit*', 'temps de travail', 'horario', 'jornada', 'jam kerja', 'radno vreme', 'radno vrijeme', 'orari', 'orar*', 'kaam ke ghante', 'ghantay', 'ghante', 'sa3at', 'swaye3', 'ساعات العمل', 'day off', 'days off', 'rest day', 'urlaub', 'ruhetag', 'conge', 'conges', 'descanso', 'libur', 'cuti', 'odmor', 'slobodan dan', 'pushim*', 'leje vjetore', 'chutti', 'chhutti', 'chuti', 'raha', 'عطله', 'العطله', 'اجازه', 'راحه', 'چھٹي',
  ],
  contract: [
    'contract*', 'vertrag*', 'arbeitsvertrag', 'contrat*', 'contrato*', 'kontrak', 'perjanjian kerja', 'ugovor*', 'kontrat*', 'muahida', 'agreement',
    'عقد', 'العقد', 'عقدي', 'کنٹريکٹ', 'معاہده', '3a9d', '3aqd', 'l3a9d', 'kontrak',
    'contract', 'contrac', 'kontrakt', 'agreement paper', 'offer letter', 'عقد عمل', 'كونترا', 'lcontrat', 'contrat de travail', 'contratto',
    'كونطرا', 'الكونطرا', 'kontra', 'lkontra', 'lcontra',
    'كونتراتو', 'كنترا', 'كنطرا', 'كونتراة',
  ],
  // Question words and needs that say which kind of answer is wanted, in every language.
  where: [
    'where', 'wher', 'whr', 'location', 'located', 'address', 'near me', 'nearest', 'wo', 'wohin', 'standort', 'adresse', 'ou se trouve', 'donde', 'ubicacion', 'direccion', 'dimana', 'di mana', 'mana', 'lokasi', 'alamat', 'gde', 'gdje', 'adresa', 'lokacij*', 'ku', 'ku ndodhet', 'kahan', 'kahaan', 'kidhar', 'kaha',
    'wayn', 'wein', 'fein', 'feen', 'ayna', 'وين', 'فين', 'اين', 'فاين', 'عنوان', 'العنوان', 'موقع', 'مكان', 'کہاں', 'کدھر', 'پته', 'پتہ',
    'weyn', 'wayen', 'winou', 'وينه', 'وينو', 'فينو',
    'fen', 'fain', 'fayn', 'wen', 'wain', 'dmn', 'dmna', 'dimane', 'kahan hai', 'kidhar hai', 'gdje je', 'gde je', 'gde se nalazi', 'ku e keni', 'ku gjendet', 'ku jeni', 'fin kaynin', 'win famma',
  ],
  cost: [
    'how much', 'cost', 'costs', 'price', 'prices', 'expensive', 'cheap', 'afford', 'kosten', 'kostet', 'kosts', 'teuer', 'preis', 'wie viel', 'wieviel', 'combien', 'cout', 'coute', 'prix', 'cher', 'cuanto', 'cuesta', 'precio', 'caro', 'berapa', 'harga', 'mahal', 'murah', 'koliko', 'kosta', 'kostaju', 'cena', 'cijena', 'skupo', 'sa kushton', 'kushton', 'cmim*', 'sa para', 'kitna', 'kitne', 'kitni', 'qeemat', 'keemat', 'mehnga', 'sasta',
    'bkam', 'b9edach', 'bchhal', 'chhal', 'ch7al', 'shhal', 'adesh', '2adesh', 'bikam', 'بكم', 'قديش', 'شحال', 'بشحال', 'كام', 'بكام', 'سعر', 'ثمن', 'غالي', 'کتنا', 'کتنے', 'کتني', 'قيمت', 'مہنگا',
    'shgad', 'shkad', 'shqad', 'شكد', 'بشكد', 'gaddesh', 'addeh', 'ad eh', 'b kam', 'be kam', 'قد ايه', 'بقد ايه',
  ],
  duration: [
    'how long', 'how many days', 'how many weeks', 'how many months', 'processing time', 'waiting time', 'wait', 'waiting', 'wie lange', 'dauer*', 'wartezeit', 'warten', 'combien de temps', 'delai', 'delais', 'attente', 'attendre', 'cuanto tiempo', 'tarda', 'tardan', 'demora', 'esperar', 'berapa lama', 'lama', 'menunggu', 'koliko dugo', 'koliko traje', 'traje', 'cekati', 'cekanje', 'sa gjate', 'sa kohe', 'pritje', 'kitna time', 'kitna waqt', 'kitne din', 'kitne mahine', 'intezar', 'intizar',
    '9edach dyal lw9t', 'ch7al dyal lwe9t', 'shhal w9t', 'qadesh byakhod', 'قديش بياخد', 'كم من الوقت', 'شحال د الوقت', 'كم يوم', 'كم شهر', 'مده', 'المده', 'انتظار', 'ننتظر', 'کتنا وقت', 'کتنے دن', 'انتظار',
    'ch7al mn chhar', 'ch7al mn chher', 'chhal mn chhar', 'ch7al mn 3am', 'ch7al mn nhar', 'sh7al mn shhar', 'chhal dyal chhour', 'kam chahr', 'kam shahr', 'kam shahar', 'شحال من شهر', 'شحال من عام', 'شحال من نهار', 'كم من شهر', 'kitne mahine', 'kitny mahiny', 'kitne saal', 'shgad wakit', 'shkad wakt', 'شكد وقت', 'شكد ياخذ', 'قد ايه وقت', 'ad eh wa2t', 'kam yom', 'kam youm', 'كام يوم', 'كام شهر',
  ],
  permit: [
    'permit', 'residence permit', 'work permit', 'residence', 'aufenthalt*', 'arbeitserlaubnis', 'titre de sejour', 'sejour', 'carte de sejour', 'residencia', 'permiso', 'permiso de trabajo', 'izin tinggal', 'izin kerja', 'kitas', 'boravak', 'boravisn*', 'dozvol*', 'radna dozvola', 'leje qendrimi', 'leje pune', 'leja', 'lejen', 'iqama', 'iqamah', 'l9ama', 'kart sejour', 'karta pobytu',
    'اقامه', 'الاقامه', 'اقامة', 'الإقامة', 'تصريح', 'تصريح عمل', 'رخصه', 'رخصة', 'ورقه الاقامه', 'اجازت نامه', 'ورک پرمٹ', 'رہائش',
    'permis de sejour', 'البيرمي', 'lbirmi', 'الكارط', 'lkart', 'karte de sejour',
  ],
  apply: [
    'apply', 'applying', 'application', 'applications', 'pedir', 'pide', 'pido', 'piden', 'pedirla', 'pedirlo', 'demande', 'demander', 'bewerb*', 'antrag', 'beantrag*', 'postul*', 'candidat*', 'deposer', 'solicit*', 'aplicar', 'tramit*', 'melamar', 'lamar', 'lamaran', 'mendaftar', 'pendaftaran', 'prijav*', 'aplicir*', 'aplikim*', 'aplikoj', 'konkurr*', 'apply karna', 'apply kaise', 'darkhwast', 'darkhast', 'form',
    'ntqdm', 'nqdm', 'taqdim', 'tqdim', 'ndir dossier', 'dossier', 'تقديم', 'التقديم', 'نقدم', 'اقدم', 'طلب', 'الطلب', 'ملف', 'الملف', 'درخواست', 'اپلاي', 'فارم',
    'اپلائی', 'aplai', 'aplay',
  ],
  // "what should i bring along", "شو لازم اجيب معي؟": what to take to an appointment or on a journey, a kind of answer asked for.
  bring: [
    'bring', 'bring along', 'carry along', 'apporter', 'ramener', 'mitbringen', 'mitnehmen', 'traer', 'llevar', 'bawa', 'dibawa', 'sjell', 'te sjell', 'të sjell', 'doneti', 'donesem', 'poneti',
    'اجيب', 'نجيب', 'جيب', 'احضر', 'أحضر', 'نحضر', 'اجيبه', 'njib', 'nejib', 'ajib', 'ajeeb', 'njeeb', 'lana', 'laon', 'laun', 'لاؤں', 'لانا', 'لے کر آؤں', 'ساتھ لاؤں',
  ],
  requirements: [
    'requirement*', 'require', 'required', 'conditions', 'criteria', 'eligible', 'eligibility', 'qualify', 'voraussetzung*', 'bedingung*', 'benotig*', 'conditions', 'exigences', 'criteres', 'requisitos', 'requisito', 'syarat', 'persyaratan', 'uslov*', 'uvjet*', 'potrebn*', 'kusht', 'kushte*', 'kushti*', 'kerkesat', 'sharait', 'sharaet', 'zaroorat', 'zaroori',
    'chrout', 'churut', 'shurut', 'chorout', 'شروط', 'الشروط', 'متطلبات', 'المتطلبات', 'يلزم', 'شرائط', 'ضروري', 'چاہیے',
  ],
  cv: [
    'cv', 'resume', 'curriculum', 'lebenslauf', 'bewerbungsunterlagen', 'hoja de vida', 'riwayat hidup', 'biodata', 'biografij*', 'biografi', 'cv ja', 'sivi', 'si vi', 'سيره ذاتيه', 'السيره الذاتيه', 'سي في', 'سيفي', 'بائیو ڈیٹا',
  ],
  course: [
    'course', 'courses', 'class', 'classes', 'lesson*', 'exam', 'exams', 'test', 'tests', 'certificate exam', 'kurs', 'kurse', 'prufung*', 'unterricht', 'cours', 'examen', 'curso', 'cursos', 'clases', 'kursus', 'kelas', 'ujian', 'tes', 'ispit*', 'casov*', 'kursevi', 'kursi', 'kursin', 'mesim*', 'provim*', 'imtihan', 'imthan', 'klas',
    'دوره', 'الدوره', 'دورات', 'كورس', 'الكورس', 'كورسات', 'امتحان', 'الامتحان', 'اختبار', 'درس', 'دروس', 'کلاس', 'کورس', 'امتحان',
  ],
  free: [
    'free', 'for free', 'free of charge', 'no cost', 'kostenlos', 'umsonst', 'gratis', 'gratuit', 'gratuite', 'gratuito', 'gratuita', 'cuma cuma', 'percuma', 'besplatn*', 'falas', 'pa pagese', 'muft', 'bila flous', 'b la flous', 'fabor', 'فابور', 'مجاني', 'مجانا', 'ببلاش', 'بدون فلوس', 'مفت',
  ],
  offer: [
    'offer', 'offers', 'job offer', 'offer letter', 'angebot*', 'offre', 'offres', 'oferta*', 'tawaran', 'lowongan', 'ponud*', 'ofert*', 'offer mili', 'offer aayi', '3ard', '3roud', 'عرض', 'عروض', 'العرض', 'آفر', 'افر',
  ],
  europe: [
    'europe', 'europa', 'eu', 'schengen', 'italy', 'italia', 'italie', 'spain', 'spanien', 'espagne', 'espana', 'portugal', 'france', 'frankreich', 'austria', 'osterreich', 'netherlands', 'belgium', 'poland', 'spania', 'ytalia', 'italija', 'spanija', 'evropa', 'evrop*', 'europ*',
    'اوروبا', 'اوربا', 'ايطاليا', 'اسبانيا', 'سبانيا', 'البرتغال', 'فرنسا', 'يورپ', 'اٹلي', 'اسپين', 'لورو', 'spania', 'sbanya', 'italya', 'oroba', 'lorop', 'lourop',
    'eu country', 'eu countries', 'european union', 'schengen*', 'uropa', 'yurop', 'yoorap', 'yurap', 'europe side', 'italya', 'taliyan', 'italy*', 'sbanya', 'spain*', 'espanya', 'grece', 'greece', 'greek', 'yunan', 'yunani', 'grcka', 'greqi', 'malta', 'cyprus', 'kipar', 'qipro', 'hungary', 'madjarsk*', 'hungari', 'croatia', 'hrvatsk*', 'kroaci*', 'slovenia', 'slovenij*', 'sllovenia', 'france', 'fransa', 'francusk*', 'fransa', 'paris', 'brussels', 'belgique', 'holland', 'netherland*', 'nederland', 'austria', 'austrija', 'austri', 'sweden', 'svedsk*', 'suedi', 'denmark', 'norway', 'finland', 'poland', 'poljsk*', 'polonia', 'ireland', 'اوروبا', 'أوروبا', 'ايطاليا', 'اسبانيا', 'اليونان', 'فرنسا', 'مالطا', 'قبرص', 'بلجيكا', 'هولندا', 'النمسا', 'السويد', 'يونان', 'يورپ',
  ],
  libya: [
    'libya', 'libyen', 'libye', 'libia', 'libija', 'libi', 'turkey', 'turkei', 'turquie', 'iran', 'desert', 'sahara', 'forest', 'border', 'grenze', 'frontiere', 'frontera', 'perbatasan', 'granica', 'kufi', 'kufiri', 'border',
    'ليبيا', 'فليبيا', 'لليبيا', 'تركيا', 'ايران', 'صحراء', 'الصحراء', 'حدود', 'الحدود', 'بارڈر', 'سرحد', 'jungle', 'jangal', 'lilibya', 'flibya', 'f libya', 'sahra',
    'libya', 'libia', 'libya road', 'desert road', 'sahara desert', 'niger', 'agadez', 'turkiye', 'turska', 'turqi', 'turqia', 'greece border', 'hungarian border', 'belarus', 'jungle', 'forest', 'balkanska ruta', 'ruta balkanike', 'iran', 'iran border', 'taftan', 'quetta', 'balochistan', 'turkey border', 'ليبيا', 'النيجر', 'مالي', 'تركيا', 'البلقان', 'الغابه', 'غابه', 'الجبل', 'صحرا',
  ],
  trafficking: [
    'traffick*', 'menschenhandel', 'traite', 'trata', 'perdagangan orang', 'trgovin* ljud*', 'trafikim*', 'forced', 'force', 'forced labour', 'zwangsarbeit', 'force', 'travail force', 'trabajo forzoso', 'kerja paksa', 'prinudn*', 'detyruar', 'zabardasti', 'zbardasti', 'bonded', 'debt',
    'اتجار', 'الاتجار', 'اتجار بالبشر', 'سخره', 'غصب', 'زبردستي', 'قرض', 'lgharad', 'ghasb', 'karz', 'qarz', 'karza', 'dayn',
    'trafficking', 'trafficked', 'human trafficking', 'modern slavery', 'slavery', 'slave', 'sklave', 'sklaverei', 'esclavage', 'esclavitud', 'perbudakan', 'ropstvo', 'skllav*', 'ghulami', 'ghulam', '3abd', '3oboudiya', 'عبوديه', 'عبودية', 'استعباد', 'exploit*', 'ausbeut*', 'explotac*', 'eksploit*', 'eksploat*', 'shfrytez*', 'istihsal', 'استغلال', 'forced to work', 'made to work', 'debt bondage', 'bonded labour', 'schuldknecht*', 'servitude', 'ijeratan utang', 'dužničk*', 'dug', 'dugova', 'borxh*', 'borxhi', 'qarza', 'qarzay', 'karzay', 'قرضه', 'الديون', 'ديون',
    'انسانی اسمگلنگ', 'insani smuggling',
  ],
  travel: [
    'travel*', 'journey', 'trip', 'route', 'reise', 'reisen', 'voyage', 'viaje', 'perjalanan', 'putovanj*', 'udhetim*', 'safar', 'safr', 'ticket', 'ticket*', 'flight', 'flug', 'flug*', 'billet', 'vuelo', 'tiket', 'bileta', 'tikat', 'tiket',
    'سفر', 'السفر', 'تذکره', 'التذکره', 'تذكره', 'رحله', 'ٹکٹ', 'تکت', 'lvoyage', 'safar', 'tadkira',
    'fly', 'flying', 'flight ticket', 'plane', 'airplane', 'aeroplane', 'airport', 'flughafen', 'aeroport', 'aeropuerto', 'bandara', 'aerodrom', 'aeroport*', 'jahaz', 'jahaaz', 'hawai jahaz', 'tayyara', 'tiyara', 'طياره', 'الطياره', 'مطار', 'المطار', 'ايربورت', 'ائیرپورٹ', 'go abroad', 'going abroad', 'abroad', 'leave the country', 'japa', 'jappa', 'travel out', 'comot', 'comot for', 'carry me go', 'carry us go', 'take me go', 'bring me go', 'نهاجر', 'هاجر', 'نسافر', 'يسافر', 'emigr*', 'auswander*', 'iseljavanje', 'emigrim*', 'merantau', 'ijra',
  ],
  prepare: [
    'prepar*', 'before leaving', 'before i leave', 'before travel', 'vorbereit*', 'avant de partir', 'antes de viajar', 'persiapan', 'sebelum berangkat', 'priprem*', 'pergatit*', 'para se nisem', 'tayyari', 'tayari', 'taiyari', 'anmeld*', 'arrival', 'arrive',
    'تحضير', 'استعداد', 'قبل السفر', 'احضر', 'نوجد', 'تياري', 'تیاری', 'nwjed', 'nwajed', 't7dir',
    'before i go', 'before going', 'before leaving', 'before departure', 'pre departure', 'predeparture', 'predeparture', 'pre-departure', 'what to pack', 'packing', 'what to bring', 'checklist', 'orientation', 'orientierung', 'avant le depart', 'antes de salir', 'sebelum pergi', 'persiapan keberangkatan', 'pre odlaska', 'pred put', 'para nisjes', 'jane se pehle', 'jaane se pehle', 'jaane se pahle', 'qbel ma nsafer', '9bel ma nsafer', 'قبل ما نسافر', 'قبل الرحيل', 'تحضيرات', 'عند الوصول', 'after arrival', 'when i arrive', 'on arrival', 'ankunft', 'a l arrivee', 'al llegar', 'setelah tiba', 'po dolasku', 'pas mberritjes', 'pohanchne ke baad',
  ],
  // The Western Balkans regulation by name; "balkan" alone stays out, it is as often the Balkan route.
  westernBalkans: [
    'westbalkan*', 'zapadnobalkan*', 'zapadni balkan', 'zapadnog balkana', 'zapadnom balkanu', 'ballkanit perendimor', 'ballkani perendimor', 'western balkans', 'western balkan',
    'balkanregelung', 'balkan regelung', 'balkans occidentaux', 'balcanes occidentales', 'balkan barat', 'غرب البلقان', 'مغربی بلقان',
  ],
  // Near the domain but not ours: asylum or a visa for another continent, a holiday, a pilgrimage. A
  // concept shared by every language lets the declined examples of one language teach the others.
  elsewhere: [
    'canada', 'kanada', 'canadá', 'usa', 'america', 'amerika', 'amrika', 'amreeka', 'americ*', 'estados unidos', 'eeuu', 'united states', 'vereinigte staaten', 'etats unis', 'shba', 'amerik*',
    'australi*', 'australien', 'new zealand', 'neuseeland', 'nouvelle zelande', 'nueva zelanda', 'selandia baru', 'novi zeland', 'zelanda e re', 'japan', 'japon', 'jepang', 'japonia',
    'كندا', 'كنادا', 'امريكا', 'امريكيا', 'الولايات المتحده', 'استراليا', 'نيوزيلندا', 'اليابان', 'کینیڈا', 'کنیڈا', 'امریکہ', 'امريكہ', 'آسٹریلیا', 'اسٹریلیا', 'جاپان',
  ],
  holiday: [
    'tourist*', 'tourism', 'holiday*', 'vacation*', 'sightseeing', 'touris*', 'urlaub*', 'ferien', 'vacances', 'vacaciones', 'turismo', 'turista', 'turist*', 'liburan', 'wisata', 'pelancong', 'pushim*', 'letovanj*', 'odmor*', 'turisticka', 'ljetovanj*',
    'chuttiyan', 'chutti', 'chhutti', 'sair', 'ghoomne', 'ghumne', 'siyahat', 'siyahati',
    'سياحه', 'سياحيه', 'السياحه', 'سياحي', 'عطله', 'العطله', 'سیاحت', 'سیاحتی', 'چھٹیاں', 'چھٹی', 'touriste', 'siya7a', '3otla', '3utla', 'l3otla',
  ],
  pilgrimage: [
    'hajj', 'haj', 'hadsch', 'hadj', 'hajji', 'umrah', 'umra', 'omra', 'oumra', 'umroh', 'haji', 'haxh*', 'umre', 'hadz',
    'حج', 'الحج', 'عمره', 'العمره', 'حجاج', 'حاجی', 'عمرہ', 'عمرے', 'hajj*', '7ajj', '7aj', '3omra', '3umra', 'l3omra',
  ],
  counselling: [
    'advice', 'advise', 'counsel*', 'beratung', 'beraten', 'conseil*', 'asesoria', 'orientacion', 'konseling', 'konsultasi', 'savetovanj*', 'savjetovanj*', 'keshill*', 'mashwara', 'mashwera', 'rehnumai', 'guidance',
    'استشاره', 'نصيحه', 'توجيه', 'مشوره', 'مشورہ', 'رہنمائي', 'nasi7a', 'istichara', 'tawjih',
    'advice', 'advise me', 'guide me', 'guidance', 'information session', 'info session', 'orientation', 'beratungsstelle', 'consultation', 'consulta', 'asesoramiento', 'konsultasi', 'bimbingan', 'savet', 'savjet', 'savetovaliste', 'keshillim', 'keshille', 'mashwaray', 'mashware', 'rahnumai', 'nasiha', 'ististhara', 'استشارة', 'نصيحة', 'نصايح', 'توجيه', 'ارشاد',
  ],
  help: [
    'help', 'support', 'assist*', 'hilfe', 'helfen', 'unterstutz*', 'aide', 'aider', 'ayuda', 'apoyo', 'bantuan', 'bantu', 'pomoc', 'pomoc*', 'ndihm*', 'madad', 'madat', 'mdad',
    'مساعده', 'المساعده', 'دعم', 'الدعم', 'مدد', 'عاون', 'يعاوني', 'يساعدني', 'ساعدوني', 'musa3ada', 'mosa3ada', 'm3awna', '3awni', 'y3awni', 'da3m',
    'help me', 'abeg help', 'pls help', 'please help', 'bantu saya', 'tolong', 'tolongin', 'pomozite', 'pomogne', 'pomoc', 'ndihme', 'ndihmoni', 'me ndihmoni', 'madad karo', 'madad chahiye', 'help chahiye', 'saidini', 'sa3douni', '3awnouni', '3awnoni', 'عاوني', 'عاونوني', 'ساعدني', 'مساعدة', 'مدد کریں',
  ],
};

interface Lexicon {
  exact: Map<string, string[]>;
  prefix: Map<string, string[]>;
  /** Arabic-script forms by their dialect stem: نشتغل and بتشتغل meet the listed اشتغل. */
  stems: Map<string, string[]>;
  longestPrefix: number;
}

function buildLexicon(): Lexicon {
  const exact = new Map<string, string[]>();
  const prefix = new Map<string, string[]>();
  const stems = new Map<string, string[]>();
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
      } else {
        put(exact, form, concept);
        if (ARABIC.test(form) && !form.includes(' ')) put(stems, dialectStem(form), concept);
      }
    }
  }
  return { exact, prefix, stems, longestPrefix };
}

/** Arabic proclitics ("the", "and the", "with the", "in"): جوازي and بالجواز are still جواز. */
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'لل', 'ال', 'و', 'ب', 'ف', 'ل'];
const ARABIC = /[\u0600-\u06FF]/;
/** Arabizi glues the article as "l" to the word: "lpasport", "lkhedma", "l9raya" (not Spanish "ll", Serbian "lj"). */
const ARABIZI_ARTICLE = /^l(?=[^aeiouylj])/;

const lexicon = buildLexicon();

function lookupWord(word: string, out: Set<string>, arabic: boolean): void {
  const candidates = [word];
  if (ARABIC.test(word)) {
    for (const p of ARABIC_PREFIXES) if (word.startsWith(p) && word.length - p.length >= 3) candidates.push(word.slice(p.length));
    if (arabic) lexicon.stems.get(dialectStem(word))?.forEach((c) => out.add(c));
  } else if (arabic && ARABIZI_ARTICLE.test(word) && word.length >= 5) candidates.push(word.slice(1));
  for (const w of candidates) {
    const hit = lexicon.exact.get(w);
    if (hit) hit.forEach((c) => out.add(c));
    for (let n = Math.min(w.length, lexicon.longestPrefix); n >= 3; n--) {
      const pre = lexicon.prefix.get(w.slice(0, n));
      if (pre) pre.forEach((c) => out.add(c));
    }
  }
}

/**
 * The concepts named in a list of folded words (single words and two-word phrases). `arabic`: the
 * question is in Arabic, so its words may carry dialect prefixes (بتشتغل, lkhedma) to look past.
 */
export function conceptsOf(words: readonly string[], opts: { arabic?: boolean } = {}): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    lookupWord(words[i]!, out, opts.arabic === true);
    if (i > 0) lexicon.exact.get(`${words[i - 1]} ${words[i]}`)?.forEach((c) => out.add(c));
    if (i > 1) lexicon.exact.get(`${words[i - 2]} ${words[i - 1]} ${words[i]}`)?.forEach((c) => out.add(c));
  }
  return out;
}

/** A fingerprint of the lexicon, for the index cache key. */
export const LEXICON_VERSION = createHash('sha256').update(JSON.stringify(LEXICON)).digest('hex').slice(0, 12);
