// Ranking cases of issue 14 (items 1, 3, 4 and the counts of 4): ordered expectations, each on its own
// small library of hand-written news sentences. Every case failed on the ranking before issue 14.
import type { SearchDocument } from '../../../../search/search-document.ts';
import { doc } from '../search-fixtures.ts';

export interface RankingCase {
  name: string;
  articles: SearchDocument[];
  /** Many articles that must not bury the relevant ones. */
  background?: () => SearchDocument[];
  query: string;
  /** Each [higher, lower]: the first article ranks above the second (both must be found). */
  above?: [string, string][];
  /** These articles are the first results, in any order. */
  first?: string[];
  /** Found at all. */
  found?: string[];
  /** Not among the results. */
  absent?: string[];
  total?: number;
}

// Sentences where "thu" and "tuong" stand apart: autumn, harvest, income, statues, walls, generals, the
// future. A library of thousands of such articles is what buried the Prime Minister before.
const SCATTERED_THU_TUONG = [
  'Mùa thu năm nay, người dân làng gốm đắp tượng đất nung bán cho khách du lịch.',
  'Vụ thu hoạch lúa hè thu kết thúc sớm, nông dân sửa lại tường rào trước mùa mưa.',
  'Thu nhập của công nhân tăng nhẹ, nhiều người vẫn lo cho tương lai của con cái.',
  'Bức tường cổ bị nứt sau trận mưa, ban quản lý di tích thu hồi vé tham quan.',
  'Đội bóng thua trên sân nhà, thủ môn dự bị được kỳ vọng sẽ là tương lai của câu lạc bộ.',
  'Phòng trưng bày tượng Phật thu hút đông khách trong dịp nghỉ lễ.',
  'Ngân sách thu vượt dự toán, tỉnh dành tiền xây tường chắn sóng.',
  'Tướng quân trong vở tuồng cổ mặc áo thu phục, khán giả thủ đô vỗ tay không ngớt.',
];

function scatteredBackground(count: number): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (let i = 0; i < count; i++) {
    const pick = (k: number): string => SCATTERED_THU_TUONG[(i * 3 + k * 5) % SCATTERED_THU_TUONG.length]!;
    docs.push(doc(`bg${i}`, `Thu hoạch mùa thu và tượng đất làng ${i}`, [pick(0), pick(1), pick(2)].join(' ')));
  }
  return docs;
}

const LONG_PM_BODY = [
  'Chiều 12.9, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính chủ trì cuộc họp với các bộ, ngành về khắc phục hậu quả bão Yagi.',
  'Theo báo cáo của Bộ Nông nghiệp, hơn 200.000 ha lúa và hoa màu bị ngập, nhiều tuyến đường ở các tỉnh miền núi phía Bắc bị sạt lở.',
  'Các địa phương đề nghị hỗ trợ khẩn cấp gạo cứu đói, thuốc men và vật tư để người dân sớm ổn định cuộc sống.',
  'Bộ Tài chính cho biết sẽ xuất cấp dự trữ quốc gia, đồng thời rà soát nguồn kinh phí dự phòng năm 2024.',
  'Kết luận cuộc họp, người đứng đầu Chính phủ yêu cầu khôi phục sản xuất ngay khi nước rút, không để học sinh thiếu sách vở khi trở lại trường.',
].join(' ');

// Long articles where "chúng" and "khoản" are everyday words, and in a third of them they stand side by
// side only because a sentence juxtaposes them ("dành cho chúng khoản tiền"): the majority of the
// articles where "chung khoan" stands side by side, yet no more often than the two words would by chance.
const CHANCE_CHUNG_KHOAN = [
  'Chúng tôi đã mở tài khoản tại ngân hàng từ năm ngoái và đóng khoản phí duy trì hằng tháng.',
  'Khoản vay mua nhà được giải ngân chậm, chúng tôi phải vay thêm người thân để trả góp.',
  'Các khoản chi tiêu của khu tập thể được công khai, chúng tôi dán bảng ở cầu thang.',
  'Họ nuôi hai con chó, mỗi tháng dành cho chúng khoản tiền thức ăn không nhỏ.',
];

function chanceChungKhoan(count: number): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (let i = 0; i < count; i++) {
    const sentences = CHANCE_CHUNG_KHOAN.filter((_, k) => k !== 3 || i % 3 === 0);
    docs.push(doc(`cb${i}`, `Chuyện chi tiêu gia đình số ${i}`, [...sentences, ...sentences.slice(0, 3)].join(' ')));
  }
  return docs;
}

// Long manual-like articles full of "đầu" and "từ" apart; one in ten has them side by side in its short
// title ("đầu từ tệp"): those match "dau tu" in the title once, and none is about investment.
const MANUAL_DAU_TU = [
  'Từ phiên bản này, mỗi dòng đầu của tệp cấu hình được đọc từ trên xuống.',
  'Người dùng có thể sửa từng mục, đầu mỗi mục là tên gói và từ khóa mô tả.',
  'Khi bắt đầu cài đặt, trình cài đặt hỏi từng câu và ghi câu trả lời vào đầu tệp.',
  'Các từ viết tắt được giải thích ở đầu chương, từ chương hai trở đi không nhắc lại.',
];

function manualDauTu(count: number): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 6 }, (_, k) => MANUAL_DAU_TU[(i + k) % MANUAL_DAU_TU.length]!).join(' ');
    docs.push(doc(`man${i}`, i % 10 === 0 ? `Đọc đầu từ tệp ${i}` : `Hướng dẫn cấu hình ${i}`, body));
  }
  return docs;
}

export const RANKING_CASES: RankingCase[] = [
  {
    name: 'a Prime Minister article is not buried under hundreds of articles with "thu" and "tuong" scattered (adjacency for every candidate)',
    articles: [doc('pm', 'Chính phủ họp khắc phục hậu quả bão Yagi', LONG_PM_BODY)],
    background: () => scatteredBackground(400),
    query: 'thu tuong',
    first: ['pm'],
  },
  {
    name: 'Đà Nẵng ranks the Đà Nẵng article above "nhà thi đấu đa năng"',
    articles: [
      doc('danang', 'Mưa lớn kéo dài, nhiều tuyến phố ngập sâu', 'Sáng 14.10, mưa lớn kéo dài khiến nhiều tuyến phố ở quận Hải Châu, thành phố Đà Nẵng ngập sâu 0,5 m. Lực lượng cứu hộ đã sơ tán hơn 300 hộ dân ở vùng trũng, các trường học cho học sinh nghỉ một ngày.'),
      doc('da-nang', 'Khánh thành nhà thi đấu đa năng', 'Nhà thi đấu đa năng của huyện có sức chứa 2.000 chỗ ngồi, dùng cho bóng chuyền, cầu lông và các giải đấu đa năng của tỉnh.'),
    ],
    query: 'Đà Nẵng',
    above: [['danang', 'da-nang']],
  },
  {
    name: 'a quoted accented phrase "ban hành" ranks the typed tones strictly first, above "văn bản hành chính"',
    articles: [
      doc('ban-hanh', 'Quy định mới về đấu giá đất', 'Ngày 2.8, Chính phủ ban hành nghị định sửa đổi quy định về đấu giá quyền sử dụng đất, có hiệu lực từ ngày 1.10.'),
      doc('van-ban', 'Số hóa văn bản hành chính', 'Từ tháng 7, mọi văn bản hành chính giữa các sở được gửi qua hệ thống điện tử. Văn bản hành chính giấy chỉ còn dùng khi hệ thống gặp sự cố, thủ tục văn bản hành chính được rút gọn.'),
    ],
    query: '"ban hành"',
    above: [['ban-hanh', 'van-ban']],
  },
  {
    name: 'a quoted accented phrase "bão lũ" ranks the typed tones above "cảnh báo lũ"',
    articles: [
      doc('bao-lu', 'Miền Trung khắc phục hậu quả mưa lớn', 'Sau đợt bão lũ cuối tháng 10, hàng nghìn ngôi nhà ở Quảng Bình vẫn còn ngập, người dân thiếu nước sạch.'),
      doc('canh-bao', 'Lắp thêm trạm cảnh báo lũ quét', 'Tỉnh lắp thêm 30 trạm cảnh báo lũ tự động. Hệ thống cảnh báo lũ gửi tin nhắn tới người dân khi mực nước sông vượt báo động 2.'),
    ],
    query: '"bão lũ"',
    above: [['bao-lu', 'canh-bao']],
  },
  {
    name: 'an unaccented "ban hanh" prefers the marks the library writes it with (ban hành) over "văn bản hành chính"',
    articles: [
      doc('ban-hanh-1', 'Bộ Tài chính ban hành thông tư về hóa đơn', 'Thông tư mới do Bộ Tài chính ban hành yêu cầu doanh nghiệp dùng hóa đơn điện tử có mã của cơ quan thuế.'),
      doc('ban-hanh-2', 'Thành phố ban hành kế hoạch chống ngập', 'UBND thành phố vừa ban hành kế hoạch chống ngập giai đoạn 2025 - 2030 với tổng vốn 12.000 tỷ đồng.'),
      doc('van-ban', 'Số hóa văn bản hành chính', 'Từ tháng 7, mọi văn bản hành chính giữa các sở được gửi qua hệ thống điện tử. Văn bản hành chính giấy chỉ còn dùng khi hệ thống gặp sự cố, thủ tục văn bản hành chính được rút gọn.'),
    ],
    query: 'ban hanh ',
    above: [
      ['ban-hanh-1', 'van-ban'],
      ['ban-hanh-2', 'van-ban'],
    ],
  },
  {
    name: '"dau tu" means đầu tư where the library mostly writes it so, above "bắt đầu từ", and still finds đấu tù',
    articles: [
      doc('dau-tu-1', 'Vốn ngoại giải ngân tăng 10%', 'Theo Cục Đầu tư nước ngoài, trong 8 tháng, vốn đầu tư trực tiếp nước ngoài giải ngân đạt 14,2 tỷ USD, tăng 10% so với cùng kỳ năm trước. Singapore, Hàn Quốc và Nhật Bản dẫn đầu về vốn đăng ký mới.'),
      doc('dau-tu-2', 'Thủ tướng yêu cầu đẩy nhanh giải ngân', 'Tại phiên họp thường kỳ, Thủ tướng yêu cầu các bộ, ngành và địa phương đẩy nhanh giải ngân vốn đầu tư công, coi đây là động lực quan trọng của tăng trưởng trong những tháng cuối năm.'),
      doc('dau-tu-3', 'Doanh nghiệp tư nhân tăng vốn', 'Khảo sát cho thấy 60% doanh nghiệp tư nhân dự định tăng vốn đầu tư vào máy móc trong năm tới.'),
      doc('bat-dau', 'Bắt đầu từ tháng 9, tàu chạy sớm', 'Bắt đầu từ ngày 1.9, tàu chạy sớm 30 phút. Bắt đầu từ tuần sau, vé bán trên ứng dụng.'),
      doc('dau-tu-tu', 'Cảnh đấu tù binh trong phim lịch sử', 'Cảnh đấu tù binh được quay tại trường quay Cổ Loa trong ba ngày.'),
    ],
    query: 'dau tu ',
    above: [
      ['dau-tu-1', 'bat-dau'],
      ['dau-tu-2', 'bat-dau'],
    ],
    found: ['dau-tu-tu'],
  },
  {
    name: '"sinh học" ranks the biology article above "học sinh học" where the reversed word is stronger',
    articles: [
      doc('bio', 'Đề thi môn sinh học được đánh giá vừa sức', 'Đề thi tốt nghiệp môn sinh học năm nay có nhiều câu hỏi về di truyền, giáo viên nhận xét đề vừa sức.'),
      doc('hs-1', 'Học sinh học thêm quá nhiều', 'Nhiều học sinh học thêm đến 9 giờ tối. Học sinh học cả ngày thứ Bảy, phụ huynh lo con thiếu ngủ.'),
      doc('hs-2', 'Học sinh được nghỉ Tết 10 ngày', 'Học sinh các cấp ở Hà Nội được nghỉ Tết Nguyên đán 10 ngày, theo quyết định của thành phố.'),
      doc('hs-3', 'Trường học sắm máy lọc nước cho học sinh', 'Nhà trường lắp 20 máy lọc nước để học sinh có nước uống sạch.'),
    ],
    query: 'sinh học',
    above: [['bio', 'hs-1']],
  },
  {
    name: 'the words near each other rank above the same words scattered',
    articles: [
      doc('near', 'Thị trường kim loại quý', 'Sáng nay giá bán vàng miếng SJC tăng 500.000 đồng mỗi lượng so với hôm qua.'),
      doc('scattered', 'Giá cả và hàng hóa', 'Giá rau xanh ở chợ đầu mối tăng mạnh sau mưa bão, giá thịt heo ổn định. Trong dịp lễ, nhiều tiểu thương ở các chợ lớn của thành phố treo cờ vàng trước sạp hàng.'),
    ],
    query: 'giá vàng',
    above: [['near', 'scattered']],
  },
  {
    name: '"khoi to" counts the articles with both words, not those matching only completions of "to"',
    articles: [
      doc('khoi-to', 'Khởi tố nguyên giám đốc sở', 'Cơ quan cảnh sát điều tra đã khởi tố vụ án, khởi tố bị can đối với nguyên giám đốc sở Y tế.'),
      doc('khoi-cong', 'Khởi công cầu mới', 'Tỉnh khởi công cầu qua sông với tổng vốn 1.200 tỷ đồng, toàn bộ vốn từ ngân sách.'),
      doc('khoi-dong', 'Khởi động giải chạy', 'Giải chạy khởi động với 5.000 vận động viên, tổng giải thưởng 300 triệu đồng.'),
    ],
    query: 'khoi to',
    found: ['khoi-to'],
    absent: ['khoi-cong', 'khoi-dong'],
    total: 1,
  },
  {
    name: 'while the last word is typed, its completion right after the word before counts ("dam pha" → đàm phán)',
    articles: [
      doc('dam-phan', 'Hai bên nối lại đàm phán', 'Phái đoàn hai nước nối lại đàm phán thương mại tại Geneva sau ba tháng gián đoạn.'),
      doc('dam-pha', 'Đám cháy phá hủy kho hàng', 'Đám cháy lớn phá hủy kho hàng rộng 2.000 m2. Lính cứu hỏa phá cửa để dập lửa đám cháy.'),
    ],
    query: 'dam pha',
    above: [['dam-phan', 'dam-pha']],
  },
  {
    name: '"chung khoan" means chứng khoán, not "chúng khoản" that stands side by side in more articles but no more often than chance (accent restoration beyond chance)',
    articles: [
      doc('ck-1', 'VN-Index tăng mạnh', 'Thị trường chứng khoán khởi sắc, thanh khoản đạt 30.410 tỷ đồng. Cổ phiếu ngân hàng dẫn dắt thị trường chứng khoán.'),
      doc('ck-2', 'Khối ngoại bán ròng', 'Nhà đầu tư nước ngoài bán ròng phiên thứ 10 trên thị trường chứng khoán, tập trung vào cổ phiếu bất động sản.'),
      doc('ck-3', 'Ủy ban Chứng khoán xử phạt', 'Ủy ban Chứng khoán Nhà nước xử phạt ba doanh nghiệp niêm yết chậm công bố báo cáo tài chính.'),
    ],
    background: () => chanceChungKhoan(300),
    query: 'chung khoan ',
    first: ['ck-1', 'ck-2', 'ck-3'],
  },
  {
    name: '"dau tu": the article writing đầu tư four times ranks above manuals whose short titles hold "đầu từ" once (the pair scored as a word, idf per article)',
    articles: [
      doc('fdi', 'Bắc Ninh dẫn đầu cả nước về vốn đầu tư FDI', 'Bắc Ninh thu hút 4,7 tỷ USD vốn đầu tư nước ngoài trong 9 tháng. Các nhà đầu tư Hàn Quốc và Trung Quốc mở rộng nhà máy linh kiện, nâng tổng vốn đầu tư đăng ký lên mức cao nhất từ trước đến nay.'),
    ],
    background: () => manualDauTu(300),
    query: 'dau tu ',
    first: ['fdi'],
  },
];
