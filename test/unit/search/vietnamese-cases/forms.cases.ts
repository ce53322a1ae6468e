// Vietnamese cases for how text becomes terms and positions (issue 14, part vn-forms): input
// methods left on in the search box, i/y spellings, the press's abbreviations and numbers,
// hyphenated foreign names, sentence punctuation and Ð. Each case: articles, a query, the articles
// it must find and those it must not.
import type { SearchDocument } from '../../../../search/search-document.ts';
import { doc } from '../search-fixtures.ts';

export interface FormsCase {
  name: string;
  articles: SearchDocument[];
  query: string;
  found: string[];
  notFound?: string[];
  /** Texts that must be marked in the first found article's body (marks follow the terms, not the letters typed). */
  marked?: string[];
  /** A guard: a negative or non-regression case that today's main passes too (the others fail there). */
  guard?: true;
  /** The article that must rank first, where the others found are only there by folding. */
  first?: string;
}

const danang = doc('danang', 'Đà Nẵng đón khách quốc tế', 'Sân bay Đà Nẵng đón hơn 20 chuyến bay quốc tế mỗi ngày trong mùa hè.');
const danang2 = doc('nhathi', 'Nhà thi đấu đa năng khánh thành', 'Nhà thi đấu đa năng có sức chứa 5.000 chỗ ngồi.');
const nguoi = doc('nguoi', 'Người dân vùng lũ', 'Người dân miền Trung khắc phục hậu quả bão lũ.');
const kyluc = doc('kyluc', 'Xuất khẩu nông sản lập kỷ lục', 'Kim ngạch xuất khẩu rau quả năm nay đạt mức kỷ lục mới.');
const kiluc = doc('kiluc', 'Vận động viên phá kỉ lục quốc gia', 'Cô ấy phá kỉ lục 100 m ở giải vô địch.');
const tygia = doc('tygia', 'Tỷ giá USD tăng nhẹ', 'Tỷ giá trung tâm tăng 5 đồng sáng nay.');
const tigia = doc('tigia', 'Ngân hàng giữ tỉ giá ổn định', 'Tỉ giá niêm yết tại các ngân hàng không đổi.');
const my = doc('my', 'Quan hệ Việt - Mỹ', 'Tổng thống Mỹ thăm Hà Nội vào tuần tới.');
const mi = doc('mi', 'Kinh tế Mĩ tăng trưởng chậm', 'Ngân hàng trung ương Mĩ giữ nguyên lãi suất.');
const lyhon = doc('lyhon', 'Thủ tục ly hôn', 'Tòa án giải quyết nhiều vụ ly hôn hơn năm trước.');
const lihon = doc('lihon', 'Li hôn sau 10 năm', 'Cặp đôi nộp đơn li hôn tại tòa án quận.');
const ai = doc('ai', 'Ai sẽ vô địch?', 'Ai cũng mong đội nhà thắng.');
const ay = doc('ay', 'Ấy là mùa xuân', 'Ngày ấy chúng tôi còn nhỏ.');
const tphcm = doc('tphcm', 'TP.HCM mở rộng metro', 'UBND TP.HCM vừa phê duyệt tuyến metro số 2.');
const tphcmSpaced = doc('tphcm-spaced', 'Giá nhà ở TP HCM tăng', 'Căn hộ ở TP HCM tăng giá trong quý III.');
const tphcmCompact = doc('tphcm-compact', 'TPHCM kẹt xe', 'Giao thông TPHCM ùn tắc giờ cao điểm.');
const tphcmLong = doc('tphcm-long', 'Thành phố Hồ Chí Minh đón Tết', 'Thành phố Hồ Chí Minh trang hoàng đường phố.');
const ubnd = doc('ubnd', 'Ủy ban nhân dân tỉnh họp', 'Ủy ban nhân dân tỉnh Quảng Nam họp về mùa mưa bão.');
const ubndShort = doc('ubnd-short', 'UBND tỉnh ra công văn', 'UBND tỉnh yêu cầu các huyện sẵn sàng ứng phó.');
const thpt = doc('thpt', 'Thi tốt nghiệp THPT 2024', 'Hơn một triệu thí sinh dự thi tốt nghiệp THPT.');
const thptLong = doc('thpt-long', 'Trường trung học phổ thông mới', 'Một trường trung học phổ thông mới khánh thành ở huyện.');
const hcm = doc('hcm', 'Chủ tịch Hồ Chí Minh', 'Bảo tàng về Chủ tịch Hồ Chí Minh mở cửa.');
const tyDong = doc('nghin-ty', 'Dự án 1.000 tỷ đồng', 'Dự án có vốn 1.000 tỷ đồng được khởi công.');
const gdp = doc('gdp', 'GDP tăng 7,4%', 'Tăng trưởng GDP quý III đạt 7,4% so với cùng kỳ.');
const deaths = doc('deaths', 'Gaza: hơn 30.410 người thiệt mạng', 'Số người thiệt mạng đã lên 30.410 người.');
const date = doc('date', 'Sáng 3.3, đàm phán tiếp tục', 'Sáng 3.3, các bên gặp lại tại Cairo.');
const wire = doc('wire', 'Tariffs hit exports', 'Exports of 1,000 tonnes of rice faced a new tax.');
const moscow = doc('moscow', 'Thủ đô Mát-xcơ-va đón tuyết', 'Tuyết rơi dày ở Mát-xcơ-va hôm nay.');
const scattered = doc('mat-scattered', 'Mát trời', 'Trời mát, va chạm giao thông ít; xcơ là chữ lạ.');
const thani = doc('thani', 'Talks in Doha', 'They met Sheikh Mohammed al-Thani on Sunday.');
const subjects = doc('subjects', 'Môn thi tổ hợp', 'Thí sinh chọn các môn Vật lý, Hóa học, Sinh học trong tổ hợp.');
const pupils = doc('pupils', 'Học sinh tựu trường', 'Hàng triệu học sinh tựu trường sáng nay.');
const eth = doc('eth', 'ÐÀ NẴNG: Khai mạc lễ hội pháo hoa', 'Lễ hội pháo hoa quốc tế Ðà Nẵng khai mạc tối qua.');
const index = doc('vnindex', 'VN-Index giảm điểm', 'Chỉ số VN-Index giảm 10 điểm cuối phiên.');
const english = doc('english', 'The state of the economy', 'A report on the state of tax policy.');

export const FORMS_CASES: FormsCase[] = [
  // Input methods left on.
  { name: 'Telex ddaf nawngx is đà nẵng', articles: [danang, danang2], query: 'ddaf nawngx', found: ['danang'], first: 'danang', marked: ['Đà Nẵng'] },
  { name: 'VNI d9a2 na8ng4 is đà nẵng', articles: [danang, danang2], query: 'd9a2 na8ng4', found: ['danang'], first: 'danang' },
  { name: 'VIQR dda` na(~ng is đà nẵng', articles: [danang, danang2], query: 'dda` na(~ng', found: ['danang'], first: 'danang' },
  { name: 'VIQR d-a\\` with an escaped grave is đà', articles: [danang, danang2], query: 'd-a\\` na(~ng', found: ['danang'], first: 'danang' },
  { name: 'Telex in a quoted phrase: "nguowif daan"', articles: [nguoi, danang], query: '"nguowif daan"', found: ['nguoi'], notFound: ['danang'] },
  { name: 'Telex truwowngf khoong is trường không', articles: [doc('school', 'Trường không thu học phí', 'Nhiều trường không thu học phí năm nay.'), danang], query: 'truwowngf khoong', found: ['school'], notFound: ['danang'] },
  { name: 'Telex thur tuowngs is thủ tướng', articles: [doc('pm', 'Thủ tướng chỉ đạo chống bão', 'Thủ tướng yêu cầu các bộ ngành ứng phó bão Yagi.'), danang], query: 'thur tuowngs', found: ['pm'], notFound: ['danang'] },
  { guard: true, name: 'English words stay English: of, tax', articles: [english, danang], query: 'state of tax', found: ['english'], notFound: ['danang'] },
  { guard: true, name: 'VN-Index is not VIQR', articles: [index, danang], query: 'VN-Index', found: ['vnindex'], notFound: ['danang'] },
  // i/y.
  { name: 'kỉ lục finds kỷ lục', articles: [kyluc, kiluc], query: 'kỉ lục', found: ['kyluc', 'kiluc'], marked: ['kỷ lục'] },
  { name: 'kỷ lục finds kỉ lục', articles: [kiluc], query: '"kỷ lục"', found: ['kiluc'] },
  { name: 'tỉ giá and tỷ giá meet', articles: [tygia, tigia], query: 'tỉ giá', found: ['tygia', 'tigia'] },
  { name: 'unaccented ti gia finds tỷ giá', articles: [tygia, tigia], query: 'ti gia', found: ['tygia', 'tigia'] },
  { name: 'Mĩ and Mỹ meet', articles: [my, mi], query: 'Mĩ', found: ['my', 'mi'] },
  { name: 'li hôn and ly hôn meet', articles: [lyhon, lihon], query: '"ly hôn"', found: ['lyhon', 'lihon'] },
  { guard: true, name: 'ai is not ay', articles: [ai, ay], query: 'ai', found: ['ai'], notFound: ['ay'] },
  { guard: true, name: 'ấy is not ai', articles: [ai, ay], query: 'ấy', found: ['ay'], notFound: ['ai'] },
  // Abbreviations.
  { name: 'tphcm finds TP.HCM, TP HCM, TPHCM and Thành phố Hồ Chí Minh', articles: [tphcm, tphcmSpaced, tphcmCompact, tphcmLong, hcm], query: 'tphcm', found: ['tphcm', 'tphcm-spaced', 'tphcm-compact', 'tphcm-long'], notFound: ['hcm'], marked: ['TP.HCM'] },
  { name: 'TP.HCM finds TPHCM', articles: [tphcm, tphcmCompact, hcm], query: 'TP.HCM', found: ['tphcm', 'tphcm-compact'], notFound: ['hcm'] },
  { name: 'TP HCM typed with a space finds TPHCM', articles: [tphcmCompact, hcm], query: 'TP HCM', found: ['tphcm-compact'], notFound: ['hcm'] },
  { name: 'ubnd finds Ủy ban nhân dân', articles: [ubnd, ubndShort], query: 'ubnd tỉnh', found: ['ubnd', 'ubnd-short'], marked: ['Ủy ban nhân dân'] },
  { name: 'trung học phổ thông finds THPT', articles: [thpt, thptLong], query: 'trung học phổ thông', found: ['thpt', 'thpt-long'] },
  // Numbers.
  { name: '1000 tỷ finds 1.000 tỷ', articles: [tyDong, gdp], query: '1000 tỷ', found: ['nghin-ty'], marked: ['1.000 tỷ'] },
  { name: '7.4% finds 7,4%', articles: [gdp, tyDong], query: '7.4%', found: ['gdp'], notFound: ['nghin-ty'], marked: ['7,4'] },
  { guard: true, name: '30.410 stays one number', articles: [deaths, tyDong], query: '30.410', found: ['deaths'] },
  { name: '30410 finds 30.410', articles: [deaths], query: '30410', found: ['deaths'] },
  { guard: true, name: '30 (typed whole) does not find 30.410', articles: [deaths], query: '30 ', found: [], notFound: ['deaths'] },
  { guard: true, name: 'the date 3.3 is still found as 3.3', articles: [date, gdp], query: '3.3', found: ['date'], notFound: ['gdp'] },
  { name: '1000 finds English 1,000', articles: [wire], query: '1000 tonnes', found: ['wire'] },
  // Hyphenated names.
  { name: 'quoted "mát xcơ va" finds Mát-xcơ-va', articles: [moscow, scattered], query: '"mát xcơ va"', found: ['moscow'], notFound: ['mat-scattered'], marked: ['Mát-xcơ-va'] },
  { guard: true, name: 'quoted "thủ đô mát-xcơ-va" finds it', articles: [moscow, scattered], query: '"thủ đô mát-xcơ-va"', found: ['moscow'], notFound: ['mat-scattered'] },
  { guard: true, name: 'quoted "mát-xcơ-va hôm nay" finds it', articles: [moscow], query: '"mát-xcơ-va hôm nay"', found: ['moscow'] },
  { guard: true, name: 'the whole Mát-xcơ-va is still a word', articles: [moscow, scattered], query: 'mát-xcơ-va', found: ['moscow'], notFound: ['mat-scattered'] },
  { name: 'quoted "al thani" finds al-Thani', articles: [thani], query: '"al thani"', found: ['thani'] },
  // Sentence punctuation.
  { name: '"học sinh" does not cross the comma in Hóa học, Sinh học', articles: [subjects, pupils], query: '"học sinh"', found: ['pupils'], notFound: ['subjects'] },
  { guard: true, name: 'the comma after a date ends a clause, the phrase after it is still found', articles: [date], query: '"đàm phán tiếp tục"', found: ['date'] },
  { guard: true, name: 'the dot in TP.HCM is no sentence end: "ubnd tp.hcm" finds it', articles: [tphcm], query: '"ubnd tp.hcm"', found: ['tphcm'] },
  // Ð.
  { name: 'Ð (U+00D0) is Đ: đà nẵng finds ÐÀ NẴNG', articles: [eth, danang2], query: 'đà nẵng', found: ['eth'], first: 'eth' },
  { name: 'Ð typed in the query is Đ', articles: [danang], query: 'Ðà Nẵng', found: ['danang'] },
  { name: 'unaccented da nang finds Ðà Nẵng', articles: [eth], query: '"da nang"', found: ['eth'] },
];
