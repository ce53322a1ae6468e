// The plain Vietnamese press citation style, as CSL (issue 16 §5), the way Vietnamese newsrooms credit
// a source in a draft:
//   Nguyễn Văn An, “Giá điện tăng từ tháng sau”, VnExpress, 04/03/2024, tr. 3. https://vnexpress.net/…
//   “Giá điện tăng từ tháng sau”, VnExpress, 04/03/2024. https://…            (no known author)
//   “Ghi chép”, Tuổi Trẻ, truy cập 27/11/2026. https://…                       (no publication date)
// Author as written (Vietnamese names are family name first and never inverted), the title in curly
// quotes, the outlet, the day as dd/mm/yyyy, the page when the passage has one, then the URL.
export const VI_PRESS_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="vi-VN">
  <info>
    <title>Báo chí Việt Nam (Newsroom Reader)</title>
    <id>https://newsroom-reader.invalid/styles/vi-press</id>
    <updated>2026-11-27T00:00:00+00:00</updated>
  </info>
  <macro name="when">
    <choose>
      <if variable="issued">
        <date variable="issued"><date-part name="day" form="numeric-leading-zeros" suffix="/"/><date-part name="month" form="numeric-leading-zeros" suffix="/"/><date-part name="year"/></date>
      </if>
      <else-if variable="accessed">
        <group delimiter=" ">
          <text value="truy cập"/>
          <date variable="accessed"><date-part name="day" form="numeric-leading-zeros" suffix="/"/><date-part name="month" form="numeric-leading-zeros" suffix="/"/><date-part name="year"/></date>
        </group>
      </else-if>
    </choose>
  </macro>
  <macro name="entry">
    <group delimiter=", ">
      <names variable="author"><name delimiter=", " delimiter-precedes-last="always"/></names>
      <text variable="title" prefix="“" suffix="”"/>
      <text variable="container-title"/>
      <text macro="when"/>
      <group delimiter=" "><text value="tr."/><text variable="page"/></group>
    </group>
  </macro>
  <citation>
    <layout><text macro="entry"/></layout>
  </citation>
  <bibliography>
    <layout>
      <group delimiter=". " suffix=".">
        <text macro="entry"/>
      </group>
      <text variable="URL" prefix=" "/>
    </layout>
  </bibliography>
</style>`;
