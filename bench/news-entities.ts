// What makes news text news: people with titles, places, organisations, figures and dates written
// the Vietnamese way (30.410, 7,4%, 1.000 tỷ đồng, hôm 3.3). The generator sprinkles these in.

const FAMILY = 'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Lâm Mai Tạ Cao Kiều'.split(' ');
const MIDDLE = 'Văn Thị Minh Quốc Thanh Hữu Đức Ngọc Xuân Hoàng Thu Kim Bảo Gia Tuấn Anh Hồng Mạnh Công'.split(' ');
const GIVEN = `An Bình Cường Dũng Hải Hùng Hương Lan Linh Long Mai Nam Nga Phong Quân Sơn Tâm Thảo Trang Tuấn Việt Yến Khoa
Hạnh Thủy Đạt Huy Khánh Lộc Nhung Oanh Phúc Quyên Tú Uyên Vy Hiếu Giang Đông Trí Thắng Nghĩa Toàn Hòa Thúy Khuê Luân`.split(/\s+/);
const ROLES = [
  'Thủ tướng', 'Phó thủ tướng', 'Bộ trưởng Bộ Tài chính', 'Bộ trưởng Bộ Y tế', 'Chủ tịch UBND', 'Giám đốc Sở Giao thông vận tải',
  'Tổng giám đốc', 'Chủ tịch HĐQT', 'Thống đốc Ngân hàng Nhà nước', 'Đại biểu Quốc hội', 'Trung tướng', 'Tiến sĩ', 'Bác sĩ',
  'huấn luyện viên', 'tiền đạo', 'luật sư', 'chuyên gia kinh tế',
];
const PLACES = [
  'Hà Nội', 'TP.HCM', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Huế', 'Nha Trang', 'Quảng Ninh', 'Bình Dương', 'Đồng Nai', 'Nghệ An',
  'Thanh Hóa', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Quảng Nam', 'Bắc Ninh', 'Vũng Tàu', 'Phú Quốc', 'Long An', 'Hạ Long',
  'Tây Nguyên', 'đồng bằng sông Cửu Long', 'Quảng Ngãi', 'Gia Lai', 'Bình Thuận', 'Thái Nguyên', 'Hà Tĩnh', 'Cà Mau',
];
const ORGANISATIONS = [
  'Ngân hàng Nhà nước', 'Bộ Tài chính', 'Bộ Công Thương', 'Tổng cục Thống kê', 'Sở Giao dịch Chứng khoán TP.HCM', 'Quốc hội',
  'Vietcombank', 'Vietnam Airlines', 'EVN', 'Tổng công ty Đường sắt Việt Nam', 'Ủy ban Chứng khoán Nhà nước', 'Bộ Giáo dục và Đào tạo',
  'Tòa án nhân dân TP.HCM', 'Công an tỉnh Quảng Ninh', 'WHO', 'IMF',
];
const UNITS = ['tỷ đồng', 'triệu đồng', 'USD', 'tấn', 'ha', 'km', 'người', 'căn hộ', 'điểm', 'lượt khách', 'cổ phiếu'];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const thousands = (value: number): string => value.toLocaleString('de-DE');

export function personName(random: Random): string {
  return `${pick(random, FAMILY)} ${pick(random, MIDDLE)} ${pick(random, GIVEN)}`;
}

/** A figure as a Vietnamese paper prints it: dot for thousands, comma for decimals. */
export function figure(random: Random): string {
  switch (Math.floor(random() * 5)) {
    case 0:
      return `${thousands(Math.floor(random() * 90_000) + 1_000)} ${pick(random, UNITS)}`;
    case 1:
      return `${Math.floor(random() * 15)},${Math.floor(random() * 10)}%`;
    case 2:
      return `${thousands(Math.floor(random() * 20 + 1) * 500)} tỷ đồng`;
    case 3:
      return `${Math.floor(random() * 900) + 10} ${pick(random, UNITS)}`;
    default:
      return thousands(Math.floor(random() * 99_000) + 1_000);
  }
}

/** `hôm 3.3`, `ngày 12.10`, `sáng 25.4`, `năm 2023`. */
export function date(random: Random): string {
  const when = pick(random, ['hôm', 'ngày', 'sáng', 'chiều', 'tối', 'từ ngày', 'đến ngày']);
  if (random() < 0.2) return `năm ${2015 + Math.floor(random() * 11)}`;
  return `${when} ${1 + Math.floor(random() * 28)}.${1 + Math.floor(random() * 12)}`;
}

/** Entity phrases a generated article must not contain (see bench/relevance/index.ts). */
export type AvoidPhrase = (phrase: string) => boolean;

/** One news phrase: a titled person, a place, an organisation, a figure or a date; drawn again if avoided. */
export function entityPhrase(random: Random, avoid?: AvoidPhrase): string {
  for (;;) {
    const phrase = anyEntityPhrase(random);
    if (!avoid?.(phrase)) return phrase;
  }
}

function anyEntityPhrase(random: Random): string {
  switch (Math.floor(random() * 6)) {
    case 0:
      return `${pick(random, ROLES)} ${personName(random)}`;
    case 1:
      return `ông ${personName(random)}`;
    case 2:
      return `tại ${pick(random, PLACES)}`;
    case 3:
      return pick(random, ORGANISATIONS);
    case 4:
      return figure(random);
    default:
      return date(random);
  }
}

export function place(random: Random, avoid?: AvoidPhrase): string {
  for (;;) {
    const found = pick(random, PLACES);
    if (!avoid?.(found)) return found;
  }
}
