// Hand-written Vietnamese news articles for the relevance set (part 1 of 2). Events, people and
// figures are made up or simplified for the bench; the writing follows Vietnamese papers' style.
import type { JudgedArticle } from './judged-set.ts';

export const ARTICLES_A: readonly JudgedArticle[] = [
  {
    id: 'a01', source: 'VnExpress', publishedAt: '2024-03-05',
    title: 'VN-Index vượt 1.250 điểm, thanh khoản HOSE đạt 30.410 tỷ đồng',
    body: `Thị trường chứng khoán phiên 5.3 ghi nhận đà tăng mạnh khi VN-Index vượt mốc 1.250 điểm lần đầu sau 18 tháng. Giá trị giao dịch trên sàn HOSE đạt 30.410 tỷ đồng, cao nhất từ đầu năm.

Nhóm cổ phiếu ngân hàng và chứng khoán dẫn dắt thị trường. Nhiều mã như SSI, VND tăng trần ngay trong phiên sáng. Khối ngoại mua ròng hơn 500 tỷ đồng, chấm dứt chuỗi bán ròng kéo dài ba tuần.

Theo ông Trần Minh Khoa, giám đốc phân tích một công ty chứng khoán tại TP.HCM, dòng tiền quay lại nhờ lãi suất tiền gửi thấp. Ông khuyến nghị nhà đầu tư không nên mua đuổi khi chỉ số đã tăng 7,4% trong hai tuần.`,
  },
  {
    id: 'a02', source: 'Tuổi Trẻ', publishedAt: '2024-04-16',
    title: 'Khối ngoại bán ròng phiên thứ 10 liên tiếp, VN-Index mất gần 60 điểm',
    body: `VN-Index phiên 16.4 giảm 59,7 điểm, mức giảm mạnh nhất trong hai năm, khi áp lực bán lan rộng trên toàn thị trường. Hơn 400 mã cổ phiếu giảm giá, trong đó gần 100 mã giảm sàn.

Nhà đầu tư nước ngoài bán ròng phiên thứ 10 liên tiếp với giá trị hơn 1.000 tỷ đồng trên HOSE. Tỷ giá USD/VND tăng cao và áp lực rút vốn khỏi thị trường mới nổi được cho là nguyên nhân chính.

Các công ty chứng khoán cho biết lượng lệnh gọi ký quỹ tăng đột biến. Giới phân tích khuyên nhà đầu tư cá nhân hạ tỷ lệ vay margin và giữ tiền mặt chờ thị trường ổn định.`,
  },
  {
    id: 'a03', source: 'Thanh Niên', publishedAt: '2023-06-16',
    title: 'Ngân hàng Nhà nước giảm lãi suất điều hành lần thứ tư',
    body: `Ngân hàng Nhà nước vừa quyết định giảm 0,5 điểm phần trăm lãi suất tái cấp vốn, xuống còn 4,5%/năm, áp dụng từ ngày 19.6. Đây là lần giảm lãi suất điều hành thứ tư từ đầu năm.

Theo Thống đốc, việc hạ lãi suất nhằm hỗ trợ doanh nghiệp và người dân tiếp cận vốn vay với chi phí thấp hơn trong bối cảnh tăng trưởng tín dụng chậm. Các ngân hàng thương mại được yêu cầu giảm lãi suất cho vay tương ứng.

Nhiều ngân hàng lớn như Vietcombank, BIDV đã công bố giảm lãi suất tiền gửi kỳ hạn 12 tháng xuống dưới 6%. Chuyên gia cho rằng mặt bằng lãi suất thấp sẽ hỗ trợ thị trường bất động sản và chứng khoán.`,
  },
  {
    id: 'a04', source: 'Dân Trí', publishedAt: '2024-04-03',
    title: 'Giá vàng miếng SJC lập đỉnh mới 81 triệu đồng mỗi lượng',
    body: `Sáng 3.4, giá vàng miếng SJC được các doanh nghiệp niêm yết ở mức 81 triệu đồng mỗi lượng bán ra, tăng 1,2 triệu đồng so với hôm qua và là mức cao nhất lịch sử.

Giá vàng nhẫn cũng tăng mạnh lên 73 triệu đồng mỗi lượng. Chênh lệch giữa giá vàng trong nước và thế giới lên tới 13 triệu đồng, khiến Ngân hàng Nhà nước phải tính đến việc đấu thầu vàng miếng để bình ổn thị trường.

Tại các cửa hàng trên phố Trần Nhân Tông, Hà Nội, người dân xếp hàng từ sớm để mua vàng. Các chuyên gia cảnh báo rủi ro khi mua vàng ở vùng giá đỉnh, nhất là với người vay tiền để đầu tư.`,
  },
  {
    id: 'a05', source: 'VnExpress', publishedAt: '2024-12-29',
    title: 'GDP cả năm tăng 7,09%, CPI bình quân tăng 3,63%',
    body: `Theo Tổng cục Thống kê, tổng sản phẩm trong nước (GDP) năm 2024 tăng 7,09%, vượt mục tiêu Quốc hội đề ra. Riêng quý IV, GDP tăng 7,55% so với cùng kỳ.

Chỉ số giá tiêu dùng (CPI) bình quân năm tăng 3,63%, kiểm soát dưới mức 4%. Lạm phát cơ bản tăng 2,71%. Giá nhóm hàng ăn uống, nhà ở và vật liệu xây dựng là những yếu tố chính đẩy chỉ số giá đi lên.

Kim ngạch xuất khẩu cả năm ước đạt 405 tỷ USD, tăng 14,3%. Vốn đầu tư trực tiếp nước ngoài thực hiện đạt 25,35 tỷ USD, cao nhất từ trước tới nay. Tổng cục Thống kê đánh giá nền kinh tế phục hồi tích cực dù còn nhiều khó khăn.`,
  },
  {
    id: 'a06', source: 'Vietnamnet', publishedAt: '2024-08-20',
    title: 'Bắc Ninh dẫn đầu cả nước về thu hút vốn FDI',
    body: `Tám tháng đầu năm, Bắc Ninh thu hút hơn 3,2 tỷ USD vốn đầu tư trực tiếp nước ngoài (FDI), đứng đầu cả nước, vượt qua cả TP.HCM và Hà Nội.

Các dự án lớn tập trung vào sản xuất linh kiện điện tử, bán dẫn và pin năng lượng. Một tập đoàn Hàn Quốc vừa được cấp phép mở rộng nhà máy với tổng vốn 1,5 tỷ USD tại khu công nghiệp Yên Phong.

Theo Bộ Kế hoạch và Đầu tư, dòng vốn FDI đang dịch chuyển mạnh sang Việt Nam nhờ chính sách ưu đãi và lực lượng lao động trẻ. Tuy nhiên, các địa phương cần chuẩn bị quỹ đất sạch, hạ tầng điện và nguồn nhân lực chất lượng cao để đón làn sóng đầu tư mới.`,
  },
  {
    id: 'a07', source: 'Tuổi Trẻ', publishedAt: '2024-07-10',
    title: 'Thủ tướng yêu cầu đẩy nhanh giải ngân vốn đầu tư công',
    body: `Tại hội nghị trực tuyến với các bộ, ngành và địa phương sáng 10.7, Thủ tướng yêu cầu đẩy nhanh giải ngân vốn đầu tư công, coi đây là nhiệm vụ chính trị trọng tâm những tháng cuối năm.

Sáu tháng đầu năm, cả nước mới giải ngân được 29,4% kế hoạch vốn đầu tư công, thấp hơn cùng kỳ năm trước. Nhiều bộ và địa phương giải ngân dưới 20%, chủ yếu do vướng mắc giải phóng mặt bằng và thiếu vật liệu xây dựng.

Thủ tướng đề nghị xử lý nghiêm cán bộ né tránh, đùn đẩy trách nhiệm, đồng thời điều chuyển vốn từ dự án chậm sang dự án có khả năng giải ngân tốt, nhất là các tuyến cao tốc.`,
  },
  {
    id: 'a08', source: 'Thanh Niên', publishedAt: '2024-09-12',
    title: 'Giá căn hộ chung cư TP.HCM tăng 30% sau một năm',
    body: `Theo báo cáo của một công ty nghiên cứu bất động sản, giá bán căn hộ sơ cấp tại TP.HCM trong quý III đã tăng khoảng 30% so với cùng kỳ năm trước, bình quân đạt 65 triệu đồng mỗi mét vuông.

Nguồn cung căn hộ mới khan hiếm khi nhiều dự án vẫn vướng thủ tục pháp lý. Phân khúc căn hộ giá dưới 3 tỷ đồng gần như biến mất ở khu vực trung tâm, người mua có thu nhập trung bình phải tìm về Bình Dương, Long An.

Giới chuyên gia cho rằng Luật Đất đai sửa đổi và lãi suất thấp sẽ giúp thị trường bất động sản phục hồi, nhưng giá nhà khó giảm trong ngắn hạn.`,
  },
  {
    id: 'a09', source: 'Dân Trí', publishedAt: '2024-10-08',
    title: 'Xuất khẩu gạo lập kỷ lục gần 5 tỷ USD',
    body: `Chín tháng đầu năm, Việt Nam xuất khẩu gần 7 triệu tấn gạo, thu về 4,37 tỷ USD, tăng 23% về giá trị so với cùng kỳ. Cả năm, kim ngạch xuất khẩu gạo được dự báo lần đầu vượt 5 tỷ USD.

Philippines, Indonesia và Malaysia là ba thị trường nhập khẩu lớn nhất. Giá gạo 5% tấm của Việt Nam có thời điểm đạt 650 USD mỗi tấn, cao hơn gạo Thái Lan.

Nông dân đồng bằng sông Cửu Long phấn khởi vì lúa bán được giá. Tuy nhiên, Bộ Nông nghiệp lưu ý doanh nghiệp cần xây dựng thương hiệu gạo Việt, tránh phụ thuộc vào một vài thị trường.`,
  },
  {
    id: 'a10', source: 'VnExpress', publishedAt: '2024-04-25',
    title: 'Giá cà phê Tây Nguyên vượt 130.000 đồng mỗi kg',
    body: `Giá cà phê nhân xô tại Đắk Lắk, Gia Lai và Lâm Đồng hôm 25.4 lên tới 130.000 đồng mỗi kg, gấp đôi cùng kỳ năm ngoái và là mức cao nhất từ trước đến nay.

Nguyên nhân là nguồn cung toàn cầu thiếu hụt do hạn hán tại Việt Nam và Brazil. Nhiều nông dân ở Tây Nguyên đã bán hết cà phê trong kho từ đầu vụ nên không được hưởng lợi từ đợt tăng giá.

Hiệp hội Cà phê Ca cao Việt Nam cho biết kim ngạch xuất khẩu cà phê năm nay có thể đạt 5 tỷ USD dù sản lượng giảm khoảng 10%.`,
  },
  {
    id: 'a11', source: 'Tuổi Trẻ', publishedAt: '2023-05-19',
    title: 'Thông xe cao tốc Nha Trang - Cam Lâm',
    body: `Sáng 19.5, tuyến cao tốc Nha Trang - Cam Lâm dài 49 km thuộc dự án cao tốc Bắc - Nam phía đông chính thức thông xe, về đích sớm hơn kế hoạch gần bốn tháng.

Tuyến đường có tổng vốn đầu tư hơn 7.600 tỷ đồng, đi qua địa phận tỉnh Khánh Hòa. Thời gian di chuyển từ Nha Trang đến sân bay Cam Ranh rút ngắn còn khoảng 30 phút.

Theo Bộ Giao thông vận tải, đến cuối năm cả nước sẽ có thêm gần 700 km đường cao tốc. Người dân Khánh Hòa kỳ vọng tuyến đường mới sẽ thúc đẩy du lịch và giảm tai nạn trên quốc lộ 1.`,
  },
  {
    id: 'a12', source: 'Thanh Niên', publishedAt: '2024-11-02',
    title: 'Sân bay Long Thành: đẩy nhanh thi công nhà ga hành khách',
    body: `Tổng công ty Cảng hàng không Việt Nam (ACV) cho biết nhà ga hành khách sân bay quốc tế Long Thành (Đồng Nai) đã hoàn thành hơn 60% khối lượng. Hàng nghìn công nhân thi công ba ca liên tục.

Dự án giai đoạn 1 có tổng vốn hơn 109.000 tỷ đồng, công suất 25 triệu hành khách mỗi năm. Mục tiêu là đưa sân bay vào khai thác trong năm 2026, giảm tải cho sân bay Tân Sơn Nhất.

Phó thủ tướng kiểm tra công trường đã yêu cầu các nhà thầu bảo đảm chất lượng, an toàn lao động và đồng bộ các tuyến đường kết nối như cao tốc Biên Hòa - Vũng Tàu.`,
  },
  {
    id: 'a13', source: 'VnExpress', publishedAt: '2024-12-22',
    title: 'Metro số 1 Bến Thành - Suối Tiên chở khách sau 12 năm xây dựng',
    body: `Tuyến metro đầu tiên của TP.HCM, Bến Thành - Suối Tiên, chính thức vận hành thương mại sáng 22.12 sau 12 năm xây dựng. Hơn 150.000 lượt khách đi tàu trong ngày đầu.

Tuyến dài 19,7 km với 14 nhà ga, tổng vốn đầu tư hơn 43.700 tỷ đồng. Trong tháng đầu, người dân được đi miễn phí. Từ năm sau, giá vé dao động 7.000 - 20.000 đồng mỗi lượt.

Nhiều hành khách cho biết đi tàu nhanh và mát hơn xe máy, nhưng cần thêm xe buýt kết nối và chỗ gửi xe gần nhà ga. Thành phố đặt mục tiêu hoàn thành 200 km đường sắt đô thị vào năm 2035.`,
  },
  {
    id: 'a14', source: 'Vietnamnet', publishedAt: '2024-11-30',
    title: 'Quốc hội thông qua chủ trương đường sắt tốc độ cao Bắc - Nam',
    body: `Chiều 30.11, Quốc hội biểu quyết thông qua chủ trương đầu tư dự án đường sắt tốc độ cao trên trục Bắc - Nam với tổng vốn gần 67,34 tỷ USD.

Tuyến dài 1.541 km, bắt đầu từ ga Ngọc Hồi (Hà Nội) và kết thúc tại ga Thủ Thiêm (TP.HCM), đi qua 20 tỉnh, thành phố, với tốc độ thiết kế 350 km/h. Dự kiến khởi công vào năm 2027 và cơ bản hoàn thành năm 2035.

Nhiều đại biểu Quốc hội cho rằng đây là dự án chiến lược, tạo động lực phát triển mới. Một số ý kiến đề nghị làm rõ phương án huy động vốn và chuyển giao công nghệ để tránh đội vốn như các dự án đường sắt đô thị.`,
  },
  {
    id: 'a15', source: 'Dân Trí', publishedAt: '2024-02-15',
    title: '9 ngày nghỉ Tết, tai nạn giao thông giảm mạnh',
    body: `Theo Ủy ban An toàn giao thông quốc gia, trong 9 ngày nghỉ Tết Nguyên đán, cả nước xảy ra 209 vụ tai nạn giao thông, làm chết 169 người, giảm gần 30% so với Tết năm trước.

Lực lượng cảnh sát giao thông đã xử lý hơn 27.000 trường hợp vi phạm nồng độ cồn. Phần lớn các vụ tai nạn liên quan đến xe máy, xảy ra trên quốc lộ và đường nông thôn.

Ông Lê Hoàng Phúc, đại diện Cục Cảnh sát giao thông, cho rằng việc xử phạt nghiêm người uống rượu bia khi lái xe đã tạo chuyển biến rõ rệt trong ý thức người dân.`,
  },
  {
    id: 'a16', source: 'Tuổi Trẻ', publishedAt: '2024-06-08',
    title: 'Lễ hội pháo hoa quốc tế Đà Nẵng hút hàng trăm nghìn du khách',
    body: `Đêm khai mạc Lễ hội pháo hoa quốc tế Đà Nẵng (DIFF) 2024 bên sông Hàn thu hút hàng trăm nghìn người dân và du khách. Các đội Việt Nam, Pháp, Ý, Phần Lan tranh tài trong năm đêm thi.

Công suất phòng khách sạn ven biển Mỹ Khê đạt hơn 90%. Sở Du lịch Đà Nẵng cho biết sáu tháng đầu năm thành phố đón gần 1 triệu lượt khách quốc tế, tăng 40% so với cùng kỳ.

Nhiều du khách từ Hà Nội, TP.HCM đặt phòng từ ba tháng trước. Giá vé máy bay đến Đà Nẵng dịp lễ hội tăng cao nhưng vẫn cháy vé.`,
  },
  {
    id: 'a17', source: 'VnExpress', publishedAt: '2025-06-20',
    title: 'Đà Nẵng lập khu thương mại tự do để hút đầu tư',
    body: `Thủ tướng vừa ký quyết định thành lập khu thương mại tự do Đà Nẵng với diện tích khoảng 1.881 ha, gắn với cảng Liên Chiểu. Đây là khu thương mại tự do đầu tiên của cả nước.

Nhà đầu tư vào khu này được hưởng ưu đãi về thuế, thủ tục hải quan và thời gian thuê đất. Chủ tịch UBND thành phố Đà Nẵng cho biết đã có hàng chục doanh nghiệp trong và ngoài nước đăng ký tìm hiểu với số vốn dự kiến hàng tỷ USD.

Chuyên gia kinh tế Phạm Ngọc Lan nhận định khu thương mại tự do sẽ giúp Đà Nẵng trở thành trung tâm logistics của miền Trung, nhưng cần hạ tầng cảng biển và nguồn nhân lực đi kèm.`,
  },
  {
    id: 'a18', source: 'Thanh Niên', publishedAt: '2024-12-28',
    title: 'Đà Lạt kín phòng dịp cuối năm, du khách săn mây',
    body: `Dịp nghỉ Tết Dương lịch, các khách sạn và homestay tại Đà Lạt (Lâm Đồng) gần như kín phòng. Hàng nghìn du khách đổ về thành phố ngàn hoa để săn mây, ngắm hoa dã quỳ và tận hưởng không khí se lạnh.

Nhiệt độ buổi sáng ở Đà Lạt chỉ khoảng 12 độ C, sương mù dày đặc trên đèo Prenn. Các điểm săn mây ở Cầu Đất, đồi chè luôn đông người từ 4 giờ sáng.

Tình trạng ùn tắc giao thông tại trung tâm thành phố và chợ đêm khiến nhiều du khách phàn nàn. UBND tỉnh Lâm Đồng yêu cầu kiểm soát giá dịch vụ, không để xảy ra tình trạng chặt chém.`,
  },
  {
    id: 'a19', source: 'Dân Trí', publishedAt: '2024-05-10',
    title: 'Phú Quốc đón khách quốc tế tăng mạnh nhờ miễn thị thực',
    body: `Bốn tháng đầu năm, đảo Phú Quốc (Kiên Giang) đón hơn 300.000 lượt khách quốc tế, gấp ba lần cùng kỳ. Chính sách miễn thị thực 30 ngày cho khách nước ngoài đến đảo là yếu tố quan trọng.

Các đường bay thẳng từ Hàn Quốc, Đài Loan và Ấn Độ liên tục được mở. Doanh thu du lịch của đảo ước đạt 17.000 tỷ đồng.

Tuy nhiên, hạ tầng giao thông, cấp nước và xử lý rác thải chưa theo kịp lượng khách tăng nhanh. Người dân phản ánh tình trạng thiếu nước sinh hoạt vào mùa khô.`,
  },
  {
    id: 'a20', source: 'Tuổi Trẻ', publishedAt: '2024-10-28',
    title: 'Phố cổ Hội An ngập sâu, du khách đi thuyền tham quan',
    body: `Mưa lớn kéo dài khiến nước sông Hoài dâng cao, nhiều tuyến phố trong phố cổ Hội An (Quảng Nam) ngập sâu hơn một mét. Các cửa hàng phải kê cao hàng hóa, nhiều khách sạn tạm dừng đón khách.

Một số du khách nước ngoài vẫn thuê thuyền đi trong phố để chụp ảnh. Chính quyền khuyến cáo người dân và du khách không ra đường khi nước đang lên.

Theo Đài khí tượng thủy văn Quảng Nam, lũ trên sông Thu Bồn có thể lên mức báo động 3 trong hai ngày tới. Tỉnh đã sơ tán hơn 2.000 hộ dân ở vùng trũng thấp.`,
  },
  {
    id: 'a21', source: 'VnExpress', publishedAt: '2024-09-07',
    title: 'Bão Yagi đổ bộ Quảng Ninh - Hải Phòng, gió giật cấp 17',
    body: `Trưa 7.9, bão số 3 (Yagi) đổ bộ vào vùng ven biển Quảng Ninh - Hải Phòng với sức gió mạnh nhất cấp 14, giật cấp 17. Đây là cơn bão mạnh nhất đổ bộ vào miền Bắc trong 30 năm.

Hàng nghìn cây xanh bị quật đổ, nhiều nhà xưởng và tàu thuyền ở Hạ Long bị hư hỏng nặng. Hà Nội cũng chịu gió giật mạnh, hàng chục nghìn cây xanh gãy đổ trên các tuyến phố.

Ban Chỉ đạo phòng chống thiên tai cho biết sau bão, mưa lớn gây lũ quét và sạt lở đất ở Lào Cai, Yên Bái, Cao Bằng. Thiệt hại ban đầu ước tính hàng chục nghìn tỷ đồng.`,
  },
  {
    id: 'a22', source: 'Thanh Niên', publishedAt: '2023-11-15',
    title: 'Huế mưa lớn, hơn 10.000 ngôi nhà bị ngập',
    body: `Do ảnh hưởng của không khí lạnh kết hợp nhiễu động gió đông, Thừa Thiên Huế có mưa rất lớn, lượng mưa phổ biến 300 - 500 mm. Nhiều tuyến đường trong thành phố Huế ngập sâu, hơn 10.000 ngôi nhà bị nước tràn vào.

Lũ trên sông Hương và sông Bồ vượt mức báo động 2. Các trường học cho học sinh nghỉ để bảo đảm an toàn. Lực lượng quân đội, công an đã hỗ trợ di dời người dân vùng thấp trũng.

Trung tâm Dự báo khí tượng thủy văn quốc gia cảnh báo miền Trung còn mưa lớn đến hết tuần, nguy cơ lũ lụt và sạt lở đất ở vùng núi.`,
  },
  {
    id: 'a23', source: 'Dân Trí', publishedAt: '2023-05-07',
    title: 'Nắng nóng kỷ lục 44,1 độ C ở Thanh Hóa',
    body: `Trạm khí tượng Hồi Xuân (Thanh Hóa) ngày 6.5 ghi nhận nhiệt độ 44,1 độ C, mức cao nhất từng đo được tại Việt Nam. Nghệ An và Hà Tĩnh cũng có nơi trên 42 độ C.

Nắng nóng gay gắt khiến nhu cầu sử dụng điện tăng vọt. Nhiều bệnh viện tiếp nhận bệnh nhân say nắng, mất nước, đặc biệt là người cao tuổi và trẻ nhỏ.

Chuyên gia khí tượng cho rằng hiện tượng El Nino khiến mùa hè năm nay nóng bất thường. Bộ Y tế khuyến cáo người dân hạn chế ra ngoài từ 11 giờ đến 16 giờ, uống đủ nước.`,
  },
  {
    id: 'a24', source: 'Vietnamnet', publishedAt: '2024-03-12',
    title: 'Hạn mặn đồng bằng sông Cửu Long, dân thiếu nước ngọt',
    body: `Nước mặn xâm nhập sâu 50 - 70 km vào các cửa sông ở Bến Tre, Tiền Giang, Sóc Trăng và Cà Mau. Hàng chục nghìn hộ dân thiếu nước ngọt sinh hoạt, phải mua nước với giá 150.000 đồng mỗi mét khối.

Tỉnh Bến Tre đã công bố tình huống khẩn cấp về thiên tai do hạn mặn. Nhiều vườn sầu riêng, bưởi bị ảnh hưởng, lá cháy khô.

Bộ Nông nghiệp và Phát triển nông thôn yêu cầu các địa phương vận hành cống ngăn mặn, trữ nước ngọt và hỗ trợ bồn chứa cho người dân. Các nhà khoa học cảnh báo biến đổi khí hậu khiến hạn mặn ngày càng khốc liệt.`,
  },
  {
    id: 'a25', source: 'Tuổi Trẻ', publishedAt: '2024-07-28',
    title: 'Động đất 5 độ richter ở Kon Tum, nhà dân rung lắc',
    body: `Rạng sáng 28.7, một trận động đất mạnh 5 độ richter xảy ra tại huyện Kon Plông, tỉnh Kon Tum. Đây là trận động đất mạnh nhất từ trước đến nay trong khu vực.

Người dân ở Kon Tum, Quảng Ngãi và cả Đà Nẵng cảm nhận rõ rung lắc. Một số ngôi nhà bị nứt tường, nhưng chưa ghi nhận thiệt hại về người.

Viện Vật lý địa cầu cho biết từ năm 2021 đến nay, khu vực này đã xảy ra hàng trăm trận động đất nhỏ, có thể liên quan đến việc tích nước của các hồ thủy điện. Các chuyên gia đề nghị tăng cường quan trắc và kiểm tra an toàn đập.`,
  },
];
