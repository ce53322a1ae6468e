// Hand-written Vietnamese news articles for the relevance set (part 2 of 2).
import type { JudgedArticle } from './judged-set.ts';

export const ARTICLES_B: readonly JudgedArticle[] = [
  {
    id: 'a26', source: 'VnExpress', publishedAt: '2024-02-24',
    title: 'Thủ tướng làm việc với TP.HCM về cơ chế đặc thù',
    body: `Chiều 24.2, Thủ tướng có buổi làm việc với lãnh đạo TP.HCM về tình hình kinh tế - xã hội và việc thực hiện Nghị quyết 98 của Quốc hội về cơ chế, chính sách đặc thù cho thành phố.

Lãnh đạo thành phố kiến nghị được phân cấp mạnh hơn trong đầu tư các dự án giao thông, đặc biệt là đường Vành đai 3, các tuyến metro và cao tốc TP.HCM - Mộc Bài. Thành phố cũng đề xuất giữ lại tỷ lệ ngân sách cao hơn để tái đầu tư.

Thủ tướng đánh giá TP.HCM là đầu tàu kinh tế của cả nước, yêu cầu thành phố mạnh dạn, sáng tạo, "đã nói là làm", tập trung tháo gỡ vướng mắc cho doanh nghiệp và các dự án bất động sản.`,
  },
  {
    id: 'a27', source: 'Thanh Niên', publishedAt: '2024-01-18',
    title: 'Quốc hội thông qua Luật Đất đai sửa đổi',
    body: `Tại kỳ họp bất thường ngày 18.1, Quốc hội đã thông qua Luật Đất đai (sửa đổi) với 432 đại biểu tán thành. Luật gồm 16 chương, 260 điều, có hiệu lực từ ngày 1.8.2024.

Điểm mới quan trọng là bỏ khung giá đất, bảng giá đất được xây dựng hằng năm sát với giá thị trường. Người dân bị thu hồi đất được bồi thường theo giá cụ thể, bảo đảm có chỗ ở bằng hoặc tốt hơn nơi ở cũ.

Các chuyên gia cho rằng luật mới sẽ tháo gỡ nhiều vướng mắc cho thị trường bất động sản, nhưng việc tính giá đất sát thị trường có thể làm tăng chi phí đầu tư và giá nhà.`,
  },
  {
    id: 'a28', source: 'Dân Trí', publishedAt: '2023-03-21',
    title: 'Bệnh viện thiếu thuốc, vật tư y tế: Bộ Y tế nói gì?',
    body: `Nhiều bệnh viện lớn tại Hà Nội và TP.HCM phản ánh tình trạng thiếu thuốc, hóa chất và vật tư y tế kéo dài. Người bệnh phải tự đi mua vật tư bên ngoài để phẫu thuật.

Bộ trưởng Bộ Y tế cho biết nguyên nhân chủ yếu là vướng mắc trong quy định đấu thầu, mua sắm và tâm lý sợ sai của cán bộ. Bộ đã trình Chính phủ ban hành nghị định tháo gỡ, cho phép bệnh viện mua sắm linh hoạt hơn.

Theo bác sĩ Hoàng Thị Mai, trưởng khoa một bệnh viện tuyến cuối, việc thiếu vật tư khiến nhiều ca mổ phải dời lịch, ảnh hưởng trực tiếp đến người bệnh.`,
  },
  {
    id: 'a29', source: 'Vietnamnet', publishedAt: '2025-03-12',
    title: 'Sắp xếp lại tỉnh, thành: cả nước còn 34 đơn vị hành chính cấp tỉnh',
    body: `Theo đề án sắp xếp đơn vị hành chính, cả nước sẽ giảm từ 63 xuống 34 tỉnh, thành phố và bỏ cấp huyện. Việc tinh gọn bộ máy nhằm giảm chi thường xuyên và mở rộng không gian phát triển.

Nhiều địa phương như Quảng Nam và Đà Nẵng, Bình Dương và TP.HCM, Bắc Ninh và Bắc Giang được đề xuất hợp nhất. Hàng chục nghìn cán bộ, công chức sẽ được bố trí lại hoặc nghỉ hưu trước tuổi với chính sách hỗ trợ.

Các chuyên gia cho rằng cần chú ý tên gọi, trụ sở và thủ tục giấy tờ cho người dân sau sáp nhập, tránh gây xáo trộn cuộc sống.`,
  },
  {
    id: 'a30', source: 'Tuổi Trẻ', publishedAt: '2023-05-21',
    title: 'Thủ tướng gặp Thủ tướng Nhật Bản, thúc đẩy hợp tác đầu tư',
    body: `Nhân dịp dự Hội nghị thượng đỉnh G7 mở rộng tại Hiroshima, Thủ tướng Việt Nam đã có cuộc hội đàm với Thủ tướng Nhật Bản. Hai bên nhất trí nâng tầm quan hệ và thúc đẩy hợp tác kinh tế.

Nhật Bản cam kết cung cấp vốn ODA thế hệ mới cho các dự án hạ tầng chiến lược, chuyển đổi xanh và chuyển đổi số. Nhiều tập đoàn Nhật Bản bày tỏ mong muốn tăng đầu tư vào lĩnh vực bán dẫn và năng lượng tái tạo tại Việt Nam.

Hai nhà lãnh đạo cũng trao đổi về tình hình Biển Đông, nhấn mạnh giải quyết tranh chấp bằng biện pháp hòa bình.`,
  },
  {
    id: 'a31', source: 'Dân Trí', publishedAt: '2024-03-04',
    title: 'Israel tẩy chay đàm phán ngừng bắn tại Cairo',
    body: `Theo truyền thông Israel, nước này không cử phái đoàn tới vòng đàm phán ngừng bắn với Hamas tại Cairo (Ai Cập) hôm 3.3, khi các bên đang dần tiến tới một thỏa thuận.

Nguyên nhân được cho là Hamas từ chối cung cấp danh sách đầy đủ các con tin còn sống. Thỏa thuận đang bàn sẽ ngừng giao tranh ở Dải Gaza trong 6 tuần, đổi lại việc thả thêm con tin và tù nhân.

Mỹ và Qatar, hai nước trung gian, kêu gọi các bên quay lại bàn đàm phán trước tháng lễ Ramadan. Tình hình nhân đạo ở Gaza ngày càng nghiêm trọng khi hàng trăm nghìn người thiếu lương thực.`,
  },
  {
    id: 'a32', source: 'VnExpress', publishedAt: '2025-05-16',
    title: 'Nga và Ukraine đàm phán trực tiếp lần đầu sau ba năm',
    body: `Phái đoàn Nga và Ukraine đã gặp nhau tại Istanbul (Thổ Nhĩ Kỳ) trong cuộc đàm phán hòa bình trực tiếp đầu tiên kể từ năm 2022. Cuộc gặp kéo dài chưa đầy hai giờ.

Hai bên nhất trí trao đổi 1.000 tù binh mỗi bên, nhưng chưa đạt được thỏa thuận ngừng bắn. Ukraine yêu cầu ngừng bắn vô điều kiện 30 ngày, trong khi Nga muốn bàn các điều kiện cho một hiệp định hòa bình lâu dài.

Giới quan sát cho rằng đàm phán vẫn còn nhiều trở ngại, song việc hai bên ngồi vào bàn là tín hiệu tích cực sau ba năm xung đột.`,
  },
  {
    id: 'a33', source: 'Thanh Niên', publishedAt: '2025-04-10',
    title: 'Mỹ áp thuế đối ứng, doanh nghiệp xuất khẩu Việt Nam lo ngại',
    body: `Chính quyền Mỹ công bố mức thuế đối ứng 46% với hàng hóa nhập khẩu từ Việt Nam, sau đó tạm hoãn 90 ngày để đàm phán. Mỹ là thị trường xuất khẩu lớn nhất của Việt Nam với kim ngạch hơn 119 tỷ USD năm 2024.

Các doanh nghiệp dệt may, da giày, đồ gỗ và điện tử lo ngại đơn hàng bị cắt giảm. Nhiều nhà nhập khẩu Mỹ đề nghị hoãn giao hàng để chờ kết quả đàm phán.

Bộ Công Thương cho biết Việt Nam đã cử đoàn sang Washington đàm phán thương mại, đề xuất tăng mua hàng Mỹ như máy bay, nông sản và khí hóa lỏng để giảm thặng dư thương mại.`,
  },
  {
    id: 'a34', source: 'Reuters', publishedAt: '2024-11-06',
    title: 'Bầu cử Mỹ: ông Donald Trump tuyên bố chiến thắng',
    body: `Ứng viên đảng Cộng hòa Donald Trump tuyên bố chiến thắng trong cuộc bầu cử tổng thống Mỹ sau khi giành đủ 270 phiếu đại cử tri. Ông sẽ trở lại Nhà Trắng vào tháng 1 năm sau.

Các bang chiến địa như Pennsylvania, Georgia và Bắc Carolina đều nghiêng về ông Trump. Tỷ lệ cử tri đi bầu đạt mức cao kỷ lục.

Thị trường tài chính thế giới biến động mạnh sau kết quả bầu cử. Đồng USD tăng giá, giá vàng quốc tế giảm. Các chuyên gia dự báo chính sách thuế quan của chính quyền mới sẽ tác động lớn tới các nước xuất khẩu, trong đó có Việt Nam.`,
  },
  {
    id: 'a35', source: 'Vietnamnet', publishedAt: '2023-08-01',
    title: 'Ba năm thực thi EVFTA: xuất khẩu sang EU tăng trưởng ổn định',
    body: `Sau ba năm Hiệp định Thương mại tự do Việt Nam - EU (EVFTA) có hiệu lực, kim ngạch xuất khẩu của Việt Nam sang Liên minh châu Âu tăng bình quân 11% mỗi năm, đạt 46,8 tỷ USD năm 2022.

Các mặt hàng hưởng lợi nhiều nhất là điện thoại, dệt may, giày dép, cà phê, gạo và thủy sản. Gạo thơm Việt Nam được hưởng hạn ngạch thuế quan 80.000 tấn mỗi năm.

Tuy nhiên, doanh nghiệp vẫn gặp khó với quy tắc xuất xứ và các tiêu chuẩn xanh mới của EU. Hai bên đang tiếp tục đàm phán để EU gỡ thẻ vàng IUU cho thủy sản Việt Nam.`,
  },
  {
    id: 'a36', source: 'Tuổi Trẻ', publishedAt: '2024-07-17',
    title: 'Công bố điểm thi tốt nghiệp THPT: hơn 1.000 bài thi đạt điểm 10',
    body: `Bộ Giáo dục và Đào tạo công bố điểm thi tốt nghiệp THPT năm 2024. Cả nước có hơn 1 triệu thí sinh dự thi, tỷ lệ đỗ tốt nghiệp đạt 99,4%.

Môn giáo dục công dân và lịch sử có điểm trung bình cao nhất, trong khi tiếng Anh vẫn có phổ điểm thấp ở nhiều địa phương. Hơn 1.000 bài thi đạt điểm 10 tuyệt đối.

Các chuyên gia tuyển sinh dự báo điểm chuẩn đại học năm nay vào các ngành hot như công nghệ thông tin, y khoa, kinh tế sẽ tiếp tục tăng, có ngành trên 29 điểm.`,
  },
  {
    id: 'a37', source: 'Dân Trí', publishedAt: '2024-08-26',
    title: 'Học phí đại học tăng mạnh, sinh viên chật vật',
    body: `Năm học mới, nhiều trường đại học tự chủ tăng học phí 10 - 30%. Một số chương trình chất lượng cao có mức thu trên 100 triệu đồng mỗi năm.

Nhiều sinh viên đến từ nông thôn phải làm thêm hai ba việc để trang trải học phí và tiền thuê phòng trọ tại Hà Nội, TP.HCM. Một số em đã phải bảo lưu kết quả học tập.

Bộ Giáo dục và Đào tạo cho biết sẽ mở rộng chính sách tín dụng sinh viên với mức vay tối đa 4 triệu đồng mỗi tháng, đồng thời yêu cầu các trường công khai lộ trình tăng học phí.`,
  },
  {
    id: 'a38', source: 'VnExpress', publishedAt: '2025-02-14',
    title: 'Trí tuệ nhân tạo thay đổi cách sinh viên học và tìm việc',
    body: `Khảo sát tại 20 trường đại học cho thấy hơn 80% sinh viên đã dùng các công cụ trí tuệ nhân tạo (AI) như ChatGPT để học tập. Nhiều giảng viên lo ngại sinh viên lạm dụng AI để làm bài.

Trong khi đó, thị trường lao động thay đổi nhanh. Các doanh nghiệp công nghệ tuyển ít nhân sự mới ra trường hơn, nhưng tăng nhu cầu kỹ sư biết ứng dụng AI.

Tiến sĩ Nguyễn Thanh Tùng, chuyên gia giáo dục, khuyên sinh viên coi AI là công cụ hỗ trợ, rèn luyện tư duy phản biện và kỹ năng mềm để không bị thay thế.`,
  },
  {
    id: 'a39', source: 'Thanh Niên', publishedAt: '2023-09-20',
    title: 'Hà Nội: số ca sốt xuất huyết tăng gấp ba, bệnh viện quá tải',
    body: `Tuần qua, Hà Nội ghi nhận gần 2.000 ca mắc sốt xuất huyết, tăng gấp ba lần so với tháng trước. Các quận Hoàng Mai, Đống Đa, Hai Bà Trưng có nhiều ổ dịch.

Bệnh viện Bạch Mai và Bệnh viện Bệnh nhiệt đới Trung ương phải kê thêm giường, có lúc hai ba bệnh nhân nằm chung một giường. Nhiều ca nặng có biến chứng xuất huyết, giảm tiểu cầu.

Sở Y tế Hà Nội yêu cầu các phường tổng vệ sinh, diệt lăng quăng, phun hóa chất diệt muỗi. Bác sĩ khuyến cáo người bệnh không tự ý truyền dịch tại nhà.`,
  },
  {
    id: 'a40', source: 'Tuổi Trẻ', publishedAt: '2024-06-03',
    title: 'Bệnh viện Bạch Mai mở cơ sở 2, giảm tải cho tuyến trung ương',
    body: `Sau gần 10 năm xây dựng, cơ sở 2 của Bệnh viện Bạch Mai tại Phủ Lý (Hà Nam) bắt đầu tiếp nhận người bệnh. Bệnh viện có quy mô 1.000 giường với nhiều chuyên khoa sâu.

Cùng thời điểm, cơ sở 2 của Bệnh viện Việt Đức cũng đi vào hoạt động. Hai bệnh viện được kỳ vọng giảm tình trạng quá tải kéo dài ở tuyến trung ương tại Hà Nội.

Bộ trưởng Bộ Y tế yêu cầu bảo đảm đủ nhân lực, trang thiết bị và thuốc men, tránh để bệnh viện mới xây xong nhưng bỏ trống, lãng phí.`,
  },
  {
    id: 'a41', source: 'VnExpress', publishedAt: '2025-01-05',
    title: 'Đội tuyển Việt Nam vô địch AFF Cup sau chiến thắng trên sân Thái Lan',
    body: `Đội tuyển Việt Nam đánh bại Thái Lan 3-2 ở trận chung kết lượt về trên sân Rajamangala, qua đó lên ngôi vô địch AFF Cup với tổng tỷ số 5-3.

Tiền đạo nhập tịch Nguyễn Xuân Son tiếp tục tỏa sáng, nâng tổng số bàn thắng tại giải lên 7 và giành danh hiệu Vua phá lưới, dù gặp chấn thương trong hiệp hai.

Huấn luyện viên Kim Sang-sik chia sẻ chức vô địch là món quà dành cho người hâm mộ. Hàng nghìn cổ động viên đổ ra đường ăn mừng tại Hà Nội, TP.HCM và Đà Nẵng đến tận khuya.`,
  },
  {
    id: 'a42', source: 'Dân Trí', publishedAt: '2023-05-16',
    title: 'U22 Việt Nam giành huy chương đồng SEA Games',
    body: `U22 Việt Nam thắng U22 Myanmar 3-1 trong trận tranh hạng ba môn bóng đá nam SEA Games 32 tại Campuchia, giành huy chương đồng.

Trước đó, đội bóng của huấn luyện viên Philippe Troussier để thua Indonesia ở bán kết, chấm dứt giấc mơ bảo vệ tấm huy chương vàng.

Dù không hoàn thành mục tiêu, nhiều cầu thủ trẻ đã tích lũy kinh nghiệm quý báu. Người hâm mộ kỳ vọng lứa cầu thủ này sẽ là nòng cốt cho đội tuyển quốc gia trong tương lai.`,
  },
  {
    id: 'a43', source: 'Thanh Niên', publishedAt: '2023-09-26',
    title: 'Công an Hà Nội vô địch V-League ngay mùa đầu lên hạng',
    body: `CLB Công an Hà Nội đã giành chức vô địch V-League 2023 sau khi hòa 1-1 trên sân Hàng Đẫy ở vòng cuối. Đội bóng ngành công an trở thành nhà vô địch ngay trong mùa đầu tiên thăng hạng.

Với dàn cầu thủ chất lượng như Quang Hải, Văn Hậu, Đình Trọng cùng ngoại binh giàu kinh nghiệm, đội bóng đã cạnh tranh sòng phẳng với Hà Nội FC và Thép Xanh Nam Định.

Ban tổ chức giải cho biết lượng khán giả đến sân mùa này tăng rõ rệt, nhất là ở Nam Định, Thanh Hóa và Hải Phòng.`,
  },
  {
    id: 'a44', source: 'Vietnamnet', publishedAt: '2024-12-06',
    title: 'Nvidia đầu tư trung tâm nghiên cứu trí tuệ nhân tạo tại Việt Nam',
    body: `Tập đoàn Nvidia ký thỏa thuận với Chính phủ Việt Nam về việc thành lập trung tâm nghiên cứu và phát triển trí tuệ nhân tạo (AI) và trung tâm dữ liệu AI tại Việt Nam.

Nvidia cũng mua lại một công ty khởi nghiệp Việt Nam trong lĩnh vực y tế ứng dụng AI. Đây được coi là bước đi quan trọng giúp Việt Nam tham gia chuỗi giá trị công nghệ cao toàn cầu.

Bộ trưởng Bộ Kế hoạch và Đầu tư cho biết Việt Nam đặt mục tiêu đào tạo 50.000 kỹ sư bán dẫn đến năm 2030 và sẵn sàng chính sách ưu đãi cho các nhà đầu tư công nghệ.`,
  },
  {
    id: 'a45', source: 'Tuổi Trẻ', publishedAt: '2024-10-15',
    title: 'Công an cảnh báo lừa đảo qua mạng xã hội giả danh cơ quan thuế',
    body: `Công an TP.HCM cảnh báo tình trạng đối tượng lừa đảo giả danh cán bộ thuế, công an gọi điện yêu cầu người dân cài ứng dụng lạ để "cập nhật dữ liệu". Sau đó, tiền trong tài khoản ngân hàng bị chiếm đoạt.

Chỉ trong một tháng, hơn 200 người đã trình báo bị lừa với tổng số tiền hơn 60 tỷ đồng. Nạn nhân chủ yếu là người cao tuổi và nội trợ.

Cơ quan công an khuyến cáo người dân không cung cấp mã OTP, không bấm vào đường link lạ qua tin nhắn, Zalo hoặc Facebook. Mọi thủ tục thuế đều có thể thực hiện tại cơ quan thuế hoặc qua ứng dụng chính thức.`,
  },
  {
    id: 'a46', source: 'Dân Trí', publishedAt: '2024-10-15',
    title: 'Viettel chính thức khai trương mạng 5G trên cả nước',
    body: `Tập đoàn Viettel chính thức khai trương mạng di động 5G, phủ sóng 63 tỉnh, thành phố với hơn 6.500 trạm phát sóng. Khách hàng có điện thoại hỗ trợ có thể dùng 5G mà không cần đổi SIM.

Tốc độ tải xuống trung bình đạt trên 500 Mbps, gấp khoảng 10 lần mạng 4G. Trong ba tháng đầu, người dùng được trải nghiệm miễn phí.

Bộ Thông tin và Truyền thông đặt mục tiêu phủ sóng 5G toàn quốc vào năm 2030, phục vụ chuyển đổi số, nhà máy thông minh và xe tự lái.`,
  },
  {
    id: 'a47', source: 'Thanh Niên', publishedAt: '2024-04-11',
    title: 'Vụ Vạn Thịnh Phát: bà Trương Mỹ Lan lãnh án tử hình',
    body: `Tòa án nhân dân TP.HCM đã tuyên phạt bị cáo Trương Mỹ Lan, Chủ tịch Tập đoàn Vạn Thịnh Phát, mức án tử hình về tội tham ô tài sản, cùng các mức án khác về tội đưa hối lộ và vi phạm quy định cho vay.

Theo cáo trạng, bị cáo đã thao túng Ngân hàng SCB trong nhiều năm, gây thiệt hại hơn 677.000 tỷ đồng, trong đó số tiền tham ô lên tới 304.000 tỷ đồng. Đây là vụ án kinh tế lớn nhất từ trước đến nay.

Hàng chục nghìn trái chủ mua trái phiếu của các công ty liên quan đang chờ được bồi thường. Tòa yêu cầu kê biên tài sản để khắc phục hậu quả.`,
  },
  {
    id: 'a48', source: 'VnExpress', publishedAt: '2023-09-13',
    title: 'Cháy chung cư mini ở Hà Nội, 56 người tử vong',
    body: `Đêm 12.9, vụ cháy chung cư mini 9 tầng trên phố Khương Hạ, quận Thanh Xuân, Hà Nội làm 56 người chết và hàng chục người bị thương. Đây là vụ cháy gây thiệt hại về người lớn nhất tại Thủ đô trong nhiều năm.

Đám cháy bắt đầu từ khu vực để xe máy ở tầng một rồi lan nhanh lên các tầng trên. Tòa nhà chỉ có một lối thoát hiểm, nhiều cư dân bị mắc kẹt.

Chủ đầu tư bị khởi tố vì vi phạm quy định về phòng cháy chữa cháy. Sau vụ việc, Hà Nội tổng kiểm tra an toàn phòng cháy tại hàng nghìn chung cư mini và nhà trọ.`,
  },
  {
    id: 'a49', source: 'Tuổi Trẻ', publishedAt: '2024-04-04',
    title: 'Giá xăng tăng lần thứ năm liên tiếp, vượt 25.000 đồng mỗi lít',
    body: `Chiều 4.4, liên bộ Công Thương - Tài chính điều chỉnh giá bán lẻ xăng dầu. Xăng RON 95 tăng 570 đồng, lên 25.230 đồng mỗi lít; xăng E5 RON 92 lên 24.110 đồng mỗi lít.

Đây là lần tăng thứ năm liên tiếp của giá xăng do giá dầu thế giới leo thang vì căng thẳng ở Trung Đông. Giá dầu diesel cũng tăng nhẹ.

Tài xế công nghệ và doanh nghiệp vận tải cho biết chi phí nhiên liệu tăng khiến thu nhập giảm. Bộ Công Thương cho biết sẽ sử dụng quỹ bình ổn để hạn chế đà tăng ở các kỳ điều chỉnh tới.`,
  },
  {
    id: 'a50', source: 'Vietnamnet', publishedAt: '2024-10-11',
    title: 'EVN tăng giá điện bán lẻ bình quân 4,8%',
    body: `Tập đoàn Điện lực Việt Nam (EVN) tăng giá bán lẻ điện bình quân thêm 4,8%, lên 2.103,11 đồng mỗi kWh từ ngày 11.10. Đây là lần tăng giá điện thứ hai trong năm.

EVN cho biết chi phí mua điện, đặc biệt là từ các nhà máy nhiệt điện than và khí, tăng cao khiến tập đoàn lỗ lũy kế hàng chục nghìn tỷ đồng.

Với mức tăng mới, hộ gia đình dùng 200 kWh mỗi tháng sẽ trả thêm khoảng 28.000 đồng. Nhiều doanh nghiệp sản xuất lo ngại chi phí điện tăng làm giảm sức cạnh tranh của hàng xuất khẩu.`,
  },
];
