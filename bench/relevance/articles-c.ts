// Hand-written articles for issue 14's ranking queries (part 3): words whose syllables also stand side by
// side across word boundaries ("văn bản hành chính" for ban hành, "bắt đầu từ" for đầu tư, "học sinh
// học" for sinh học, "cảnh báo lũ" for bão lũ), each beside an article that really is about the word.
// Events and people are made up; the writing follows Vietnamese papers' style.
import type { JudgedArticle } from './judged-set.ts';

export const ARTICLES_C: readonly JudgedArticle[] = [
  {
    id: 'c01', source: 'VnExpress', publishedAt: '2024-08-02',
    title: 'Chính phủ ban hành nghị định mới về đấu giá quyền sử dụng đất',
    body: `Chính phủ vừa ban hành Nghị định 102 sửa đổi quy định về đấu giá quyền sử dụng đất, có hiệu lực từ ngày 1.10. Người trúng đấu giá phải nộp tiền trong 30 ngày, quá hạn sẽ bị hủy kết quả và mất tiền đặt cọc.

Theo Bộ Tài nguyên và Môi trường, nghị định được ban hành sau nhiều phiên đấu giá ở ven Hà Nội có giá trúng cao gấp 10 lần giá khởi điểm rồi bỏ cọc. Các địa phương phải công khai danh sách người bỏ cọc trên cổng thông tin.`,
  },
  {
    id: 'c02', source: 'Tuổi Trẻ', publishedAt: '2024-07-10',
    title: 'TP.HCM số hóa toàn bộ văn bản hành chính giữa các sở',
    body: `Từ tháng 7, mọi văn bản hành chính giữa các sở, ngành của TP.HCM được gửi qua hệ thống quản lý văn bản điện tử. Văn bản giấy chỉ còn dùng với tài liệu mật.

Sở Thông tin và Truyền thông cho biết mỗi năm thành phố tiết kiệm khoảng 40 tỷ đồng tiền in ấn, chuyển phát. Cán bộ một cửa cũng được tập huấn lại về thể thức văn bản hành chính và chữ ký số.`,
  },
  {
    id: 'c03', source: 'Thanh Niên', publishedAt: '2024-03-20',
    title: 'Bộ Giáo dục ban hành quy chế thi tốt nghiệp THPT 2025',
    body: `Bộ Giáo dục và Đào tạo đã ban hành quy chế thi tốt nghiệp THPT từ năm 2025. Học sinh thi bốn môn: toán, ngữ văn và hai môn tự chọn trong số các môn còn lại.

Nhiều giáo viên cho rằng việc giảm số môn thi giúp học sinh bớt áp lực, nhưng lo ngại học sinh sẽ bỏ bê những môn không thi. Thứ trưởng cho biết kết quả học tập cả ba năm vẫn được tính vào điểm xét tốt nghiệp.`,
  },
  {
    id: 'c04', source: 'VnExpress', publishedAt: '2024-07-18',
    title: 'Việt Nam giành hai huy chương vàng Olympic Sinh học quốc tế',
    body: `Đội tuyển Việt Nam dự Olympic Sinh học quốc tế năm 2024 tại Kazakhstan giành hai huy chương vàng và hai huy chương bạc. Đây là thành tích tốt nhất của đội tuyển môn sinh học từ trước tới nay.

Thầy trưởng đoàn cho biết phần thi thực hành về di truyền và vi sinh vật là thế mạnh của các em. Trong năm, ngoài sinh học, Việt Nam còn có đội tuyển dự olympic toán, vật lý, hóa học và tin học.`,
  },
  {
    id: 'c05', source: 'Tuổi Trẻ', publishedAt: '2024-05-22',
    title: 'Khởi tố nguyên giám đốc sở vì sai phạm đấu thầu thiết bị y tế',
    body: `Cơ quan cảnh sát điều tra Công an tỉnh đã ra quyết định khởi tố vụ án, khởi tố bị can đối với ông Lê Văn Hùng, nguyên giám đốc Sở Y tế, về tội vi phạm quy định về đấu thầu gây hậu quả nghiêm trọng.

Theo kết luận thanh tra, gói thầu mua máy xét nghiệm năm 2021 bị nâng giá hơn 30 tỷ đồng. Ba cán bộ khác của sở cũng bị khởi tố về cùng tội danh.`,
  },
  {
    id: 'c06', source: 'Thanh Niên', publishedAt: '2024-01-08',
    title: 'Khởi công tuyến đường ven biển, tổ chức lễ động thổ tại ba huyện',
    body: `Sáng 8.1, tỉnh tổ chức lễ khởi công tuyến đường ven biển dài 64 km với tổng vốn hơn 5.000 tỷ đồng. Lễ động thổ được tổ chức cùng lúc tại ba huyện.

Chủ tịch tỉnh yêu cầu nhà thầu tổ chức thi công ba ca, bảo đảm hoàn thành toàn tuyến trước năm 2027. Tổ công tác đặc biệt được lập để giải phóng mặt bằng.`,
  },
  {
    id: 'c07', source: 'VnExpress', publishedAt: '2024-09-25',
    title: 'Giá vé tàu Tết bắt đầu từ 1 triệu đồng',
    body: `Đường sắt Việt Nam mở bán vé tàu Tết Ất Tỵ bắt đầu từ ngày 1.10. Giá vé chặng Hà Nội - TP.HCM bắt đầu từ 1 triệu đồng, tăng khoảng 5% so với năm trước.

Hành khách có thể mua vé qua ứng dụng, trang web hoặc tại nhà ga. Năm nay ngành đường sắt chạy thêm 40 đôi tàu từ đầu tháng Chạp.`,
  },
  {
    id: 'c08', source: 'Tuổi Trẻ', publishedAt: '2024-11-02',
    title: 'Quảng Bình: hàng nghìn ngôi nhà vẫn ngập sau bão lũ',
    body: `Sau đợt bão lũ cuối tháng 10, hơn 3.000 ngôi nhà ở các huyện Lệ Thủy, Quảng Ninh (Quảng Bình) vẫn ngập sâu. Nhiều hộ dân thiếu nước sạch và lương thực.

Tỉnh đã xuất kho 100 tấn gạo hỗ trợ người dân vùng bão lũ. Ngành y tế phun thuốc khử trùng, đề phòng dịch bệnh sau khi nước rút.`,
  },
  {
    id: 'c09', source: 'Thanh Niên', publishedAt: '2024-06-12',
    title: 'Lắp thêm 30 trạm cảnh báo lũ quét ở miền núi',
    body: `Tỉnh Lào Cai vừa lắp thêm 30 trạm cảnh báo lũ quét tự động ở các xã vùng cao. Khi mực nước vượt ngưỡng, hệ thống cảnh báo gửi tin nhắn và phát còi tới người dân.

Trung tâm Khí tượng thủy văn cho biết các trạm đo mưa giúp cảnh báo lũ sớm hơn 2 - 3 giờ, đủ để sơ tán người dân khỏi vùng nguy hiểm.`,
  },
];
