"""What each input column means, as the clerk reads it in the workbook `init` writes: the message
Excel shows when a heading (or a Thông tin value) is selected. Each note says whether the column
is required, what it holds, an example from practice, and for a closed list its values. Excel
shows at most 255 characters."""

from __future__ import annotations

_HAND = " Để trống thì báo cáo thành tích chừa dòng chấm để điền tay."
_REPORT = " Alt+Enter để xuống dòng; để trống thì báo cáo chừa dòng chấm để viết tay."
_RATING = ("Kết quả đánh giá, xếp loại của năm: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt "
           "nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ (HTXSNV, HTTNV… cũng được).")
_KIND = ("Không bắt buộc. Công trạng (thành tích cả năm), Phong trào (theo phong trào thi đua, "
         "chuyên đề) hoặc Đột xuất. Để trống: đợt hằng năm là Công trạng, sơ kết, tổng kết là "
         "Phong trào.")
_AWARD = (" Chọn trong danh sách (mũi tên); có thể ghi cả danh hiệu và hình thức trên một dòng. "
          "Không đề nghị thì để trống.")
_VOTES = ("Ghi khi có đề nghị. Số phiếu đồng ý của Hội đồng Thi đua - Khen thưởng, ví dụ 7; "
          "chương trình so với ngưỡng biểu quyết theo sheet Hội đồng. Để trống thì đề nghị là "
          "“cần kiểm tra”.")
_NOTE = ("Không bắt buộc. In ở cột Ghi chú của danh sách đề nghị, ví dụ: Đề nghị lần đầu.")
_CONCLUSION = ("Không bắt buộc. Chỉ ghi cho đề nghị “cần kiểm tra”, sau khi Hội đồng xem lại: Đạt "
               "thì đề nghị được đưa vào văn bản; Không đạt hoặc để trống thì đề nghị chờ, không "
               "vào văn bản nào.")
_BODY = ("Ai ký quyết định: Chánh Văn phòng, Chủ tịch Ủy ban nhân dân tỉnh, Thủ tướng Chính phủ "
         "hoặc Chủ tịch nước.")
_NUMBER = (" Để trống thì văn bản để chỗ trống cho văn thư điền số.")

NOTES: dict[str, dict[str, str]] = {  # sheet key → column key → note
    "info": {
        "sample": "Có hoặc Không. Chỉ bảng tính mẫu (dữ liệu bịa ra) có dòng này, ghi Có; bảng "
                  "tính của cơ quan không có. Chép từ bảng tính mẫu để dùng cho số liệu thật thì "
                  "xoá dòng này.",
        "year": "Bắt buộc. Năm của đợt đánh giá, khen thưởng, 4 chữ số, ví dụ 2026.",
        "occasion": "Bắt buộc. Hằng năm cho đợt xét cuối năm; Sơ kết hoặc Tổng kết khi sơ kết, "
                    "tổng kết một phong trào thi đua (khi đó ghi cả Tên phong trào và Giai đoạn).",
        "movement": "Ghi cho đợt Sơ kết, Tổng kết. Chỉ ghi tên, ví dụ: Chung sức xây dựng nông "
                    "thôn mới; văn bản tự viết Phong trào thi đua “Chung sức xây dựng nông thôn "
                    "mới”. Đợt hằng năm để trống.",
        "parent_agency": "Bắt buộc. Cơ quan cấp trên, dòng đầu của tiêu đề văn bản, ví dụ: ỦY "
                         "BAN NHÂN DÂN TỈNH SƠN LA.",
        "agency": "Bắt buộc. Cơ quan ban hành, dòng thứ hai của tiêu đề văn bản, ví dụ: VĂN "
                  "PHÒNG.",
        "agency_name": "Không bắt buộc. Tên đầy đủ của cơ quan trong câu văn, ví dụ: Văn phòng Ủy "
                       "ban nhân dân tỉnh Sơn La. Để trống thì ghép từ hai dòng trên.",
        "agency_code": "Bắt buộc. Chữ viết tắt tên cơ quan trong số, ký hiệu văn bản, ví dụ VPUB "
                       "(Số: 05/TTr-VPUB).",
        "drafting_unit": "Không bắt buộc. Chữ viết tắt tên đơn vị soạn thảo, ghi ở dòng Lưu của "
                         "nơi nhận, ví dụ TCHCQT (Lưu: VT, TCHCQT).",
        "place": "Bắt buộc. Địa danh ghi trước ngày tháng của văn bản, ví dụ: Sơn La (Sơn La, "
                 "ngày 05 tháng 12 năm 2026).",
        "sign_date": "Không bắt buộc. Ngày ký tờ trình, quyết định, ví dụ 05/12/2026. Để trống, "
                     "hoặc chỉ ghi tháng/năm (12/2026), thì văn bản để chỗ trống cho văn thư điền "
                     "ngày.",
        "number_to_trinh": "Không bắt buộc. Số tờ trình văn thư đã cấp, ví dụ 15." + _NUMBER,
        "number_bao_cao": "Không bắt buộc. Số báo cáo kết quả văn thư đã cấp, ví dụ 20."
                          + _NUMBER,
        "number_qd_giay_khen": "Không bắt buộc. Số quyết định tặng Giấy khen, ví dụ 236 hoặc "
                               "236/QĐ-VPUB." + _NUMBER + " Có số và Ngày ký thì các năm sau "
                               "tính Giấy khen này là đã nhận.",
        "number_qd_danh_hieu": "Không bắt buộc. Số quyết định công nhận danh hiệu thi đua, ví dụ "
                               "237." + _NUMBER + " Có số và Ngày ký thì các năm sau tính danh "
                               "hiệu này là đã nhận.",
        "fund": "Không bắt buộc. Nguồn chi tiền thưởng ghi trong quyết định, ví dụ: Quỹ thi đua, "
                "khen thưởng của Văn phòng. Để trống thì ghi Quỹ thi đua, khen thưởng của cơ quan.",
        "period": "Ghi cho đợt Sơ kết, Tổng kết. Giai đoạn của phong trào, ví dụ 2021-2025.",
        "signer": "Bắt buộc. Họ và tên người ký văn bản, ví dụ: Hà Minh Tuấn.",
        "signer_title": "Bắt buộc. Chức vụ của người ký, ví dụ: Phó Chánh Văn phòng.",
        "sign_authority": "Không bắt buộc. Ghi khi ký thay, thừa lệnh…: KT., TL., TM., TUQ. hoặc "
                          "Q.; ví dụ cấp phó ký thay: KT. Để trống khi thủ trưởng ký.",
        "head_title": "Ghi khi có Thẩm quyền ký. Chức vụ người đứng đầu cơ quan, ví dụ: Chánh Văn "
                      "phòng (văn bản ghi KT. CHÁNH VĂN PHÒNG).",
        "addressee": "Không bắt buộc. Nơi nhận tờ trình, ví dụ: Chủ tịch Ủy ban nhân dân tỉnh Sơn "
                     "La (qua Sở Nội vụ). Để trống thì ghi Chủ tịch Ủy ban nhân dân tỉnh.",
        "report_addressee": "Không bắt buộc. Nơi nhận báo cáo kết quả, ví dụ: Sở Nội vụ tỉnh Sơn "
                            "La. Để trống thì ghi Sở Nội vụ tỉnh.",
        "base_salary": "Không bắt buộc. Chỉ ghi khi tiền thưởng tính theo mức khác mức đang áp "
                       "dụng, ví dụ 2340000 (đồng). Để trống thì dùng mức lương cơ sở có hiệu lực "
                       "vào ngày ký.",
        "basis_functions": "Không bắt buộc. Cả dòng căn cứ của quyết định, ví dụ: Quyết định số "
                           "…/QĐ-UBND ngày … của Ủy ban nhân dân tỉnh quy định chức năng, nhiệm "
                           "vụ, quyền hạn và cơ cấu tổ chức của Văn phòng. Để trống thì quyết định "
                           "chừa dòng chấm.",
        "basis_regulation": "Không bắt buộc. Cả dòng căn cứ, ví dụ: Quyết định số …/QĐ-VPUB ngày "
                            "… ban hành Quy chế thi đua, khen thưởng của Văn phòng. Để trống thì "
                            "quyết định chừa dòng chấm để viết tay.",
        "situation": "Không bắt buộc. Đoạn Đặc điểm tình hình của báo cáo kết quả, ví dụ: Văn "
                     "phòng có 05 phòng, 02 đơn vị trực thuộc." + _REPORT,
        "direction": "Không bắt buộc. Đoạn Công tác chỉ đạo, triển khai của báo cáo kết quả, ví "
                     "dụ: Ban hành kế hoạch thi đua năm, phát động thi đua đầu năm." + _REPORT,
        "assessment": "Không bắt buộc. Đoạn Đánh giá chung của báo cáo kết quả, ví dụ: Ưu điểm, "
                      "hạn chế và nguyên nhân." + _REPORT,
        "plans": "Không bắt buộc. Đoạn Phương hướng của báo cáo kết quả, ví dụ: Tiếp tục đổi mới "
                 "công tác thi đua, khen thưởng năm sau." + _REPORT,
        "proposals": "Không bắt buộc. Đoạn Đề xuất, kiến nghị của báo cáo kết quả, ví dụ: Đề "
                     "nghị tập huấn nghiệp vụ thi đua, khen thưởng." + _REPORT,
    },
    "collectives": {
        "code": "Không bắt buộc, nên ghi. Mã riêng của tập thể, giữ nguyên qua các năm, ví dụ KT "
                "cho Phòng Kinh tế: nhờ Mã, chương trình nhận ra tập thể trong bảng tính các năm "
                "trước.",
        "name": "Bắt buộc. Tên phòng, ban, đơn vị như văn bản ghi, ví dụ: Phòng Kinh tế. Ghi mọi "
                "phòng, ban, đơn vị của cơ quan, kể cả đơn vị không được đề nghị.",
        "parent": "Không bắt buộc. Cơ quan của tập thể, in ở cột Chức vụ, đơn vị của danh sách đề "
                  "nghị, ví dụ: Văn phòng UBND tỉnh Sơn La. Để trống thì in Tên cơ quan (sheet "
                  "Thông tin).",
        "rating": "Bắt buộc, cả với tập thể không được đề nghị. " + _RATING,
        "kind": _KIND,
        "title": "Ghi khi đề nghị danh hiệu thi đua, ví dụ: Tập thể lao động tiên tiến." + _AWARD,
        "award": "Ghi khi đề nghị hình thức khen thưởng, ví dụ: Bằng khen của Chủ tịch UBND tỉnh."
                 + _AWARD,
        "achievements": "Ghi khi có đề nghị. Tóm tắt thành tích, in ở danh sách đề nghị, ví dụ: "
                        "Dẫn đầu khối tham mưu tổng hợp; 02 năm liền hoàn thành xuất sắc nhiệm "
                        "vụ.",
        "votes": _VOTES,
        "note": _NOTE,
        "conclusion": _CONCLUSION,
        "head_title": "Không bắt buộc. Chức danh người đứng đầu như khi ký, ví dụ: Trưởng phòng "
                      "Kinh tế. Người này ký báo cáo thành tích của tập thể và xác nhận báo cáo "
                      "của người trong tập thể.",
        "address": "Không bắt buộc. Địa chỉ trụ sở, ví dụ: Tầng 3, trụ sở Văn phòng UBND tỉnh."
                   + _HAND,
        "staff": "Không bắt buộc. Tổng số cán bộ, công chức, viên chức, người lao động của tập "
                 "thể, ví dụ 12." + _HAND,
        "structure": "Không bắt buộc. Tổ chức bộ máy, ví dụ: 01 Trưởng phòng, 02 Phó Trưởng "
                     "phòng, 09 chuyên viên." + _HAND,
        "functions": "Không bắt buộc. Chức năng, nhiệm vụ được giao, ví dụ: Tham mưu tổng hợp, "
                     "theo dõi kinh tế - xã hội." + _HAND,
        "measures": "Không bắt buộc. Biện pháp, giải pháp đã làm để đạt thành tích, ví dụ: Giao "
                    "chỉ tiêu theo tháng, kiểm tra hằng tuần." + _HAND,
    },
    "individuals": {
        "code": "Không bắt buộc, nên ghi. Mã riêng của mỗi người, giữ nguyên qua các năm, ví dụ "
                "CB015: nhờ Mã, chương trình nhận đúng người trong bảng tính các năm trước, kể cả "
                "khi trùng họ tên.",
        "name": "Bắt buộc. Họ và tên đầy đủ, viết như thường lệ, ví dụ: Lò Văn Khiêm. Ghi mọi "
                "cán bộ, công chức, viên chức, người lao động của cơ quan, kể cả người không được "
                "đề nghị.",
        "sex": "Bắt buộc. Nam hoặc Nữ; văn bản ghi Ông, Bà theo cột này.",
        "birth_year": "Bắt buộc. Năm sinh, 4 chữ số, ví dụ 1985. Cùng họ tên, năm sinh giúp nhận "
                      "ra người này trong bảng tính các năm trước.",
        "position": "Không bắt buộc. Chức vụ, chức danh chính quyền, ví dụ: Phó Trưởng phòng, "
                    "Chuyên viên. Danh sách đề nghị ghi chức vụ rồi đơn vị.",
        "unit": "Bắt buộc. Phòng, ban, đơn vị nơi người này làm việc, đúng như một dòng của sheet "
                "Tập thể, ví dụ: Phòng Kinh tế. Tiêu chuẩn của tập thể tính theo những người ghi "
                "đơn vị này.",
        "rating": "Bắt buộc, cả với người không được đề nghị. " + _RATING,
        "initiatives": "Không bắt buộc. Số sáng kiến được công nhận trong năm, ví dụ 1; để trống "
                       "là không có. Dùng để xét Chiến sĩ thi đua, Bằng khen.",
        "projects": "Không bắt buộc. Số đề tài khoa học, đề án được nghiệm thu trong năm, ví dụ "
                    "1; để trống là không có. Được tính như sáng kiến khi xét Chiến sĩ thi đua.",
        "initiative_scope": "Không bắt buộc. Phạm vi ảnh hưởng của sáng kiến, đề tài: Cơ sở, "
                            "Tỉnh hoặc Toàn quốc. Chiến sĩ thi đua cấp tỉnh cần sáng kiến ảnh "
                            "hưởng trong tỉnh.",
        "discipline": "Không bắt buộc; để trống là Không. Kỷ luật trong năm: Không, Khiển trách, "
                      "Cảnh cáo, Hạ bậc lương, Giáng chức, Cách chức. Người bị kỷ luật không được "
                      "khen thưởng.",
        "kind": _KIND,
        "title": "Ghi khi đề nghị danh hiệu thi đua, ví dụ: Lao động tiên tiến, Chiến sĩ thi đua "
                 "cơ sở." + _AWARD,
        "award": "Ghi khi đề nghị hình thức khen thưởng, ví dụ: Giấy khen của Chánh Văn phòng."
                 + _AWARD,
        "achievements": "Ghi khi có đề nghị. Tóm tắt thành tích, in ở danh sách đề nghị, ví dụ: "
                        "Có 02 sáng kiến cấp cơ sở; hoàn thành xuất sắc công tác tổng hợp.",
        "votes": _VOTES,
        "note": _NOTE,
        "conclusion": _CONCLUSION,
        "birth_date": "Không bắt buộc. Ngày sinh đầy đủ, ví dụ 05/3/1985; phải cùng năm với cột "
                      "Năm sinh." + _HAND,
        "hometown": "Không bắt buộc. Xã (phường), tỉnh, ví dụ: Xã Mường Chiên, tỉnh Sơn La."
                    + _HAND,
        "residence": "Không bắt buộc. Nơi ở hiện nay, ví dụ: Phường Tô Hiệu, tỉnh Sơn La." + _HAND,
        "party_position": "Không bắt buộc. Chức vụ trong Đảng, Công đoàn, Đoàn Thanh niên nếu có, "
                          "ví dụ: Bí thư Chi bộ. Chức vụ chính quyền ghi ở cột Chức vụ.",
        "qualification": "Không bắt buộc. Trình độ chuyên môn, nghiệp vụ, ví dụ: Cử nhân Luật."
                         + _HAND,
        "degrees": "Không bắt buộc. Học hàm, học vị, danh hiệu, giải thưởng, ví dụ: Thạc sĩ Quản "
                   "lý công; không có thì ghi Không." + _HAND,
        "duties": "Không bắt buộc. Quyền hạn, nhiệm vụ được giao, ví dụ: Phụ trách công tác tổng "
                  "hợp; Alt+Enter để xuống dòng." + _HAND,
    },
    "history": {
        "code": "Không bắt buộc. Mã của người hoặc tập thể như ở sheet Cá nhân, Tập thể, ví dụ "
                "CB015; có Mã thì nhận đúng người dù họ tên viết khác.",
        "name": "Bắt buộc. Họ và tên người, hoặc tên tập thể, như ở sheet Cá nhân, Tập thể, ví "
                "dụ: Lò Văn Khiêm, Phòng Kinh tế.",
        "birth_year": "Nên ghi cho cá nhân. Năm sinh, ví dụ 1985, để phân biệt người trùng họ "
                      "tên; tập thể để trống.",
        "unit": "Không bắt buộc. Đơn vị công tác, ví dụ: Phòng Kinh tế; chỉ cần khi hai người "
                "trùng cả họ tên và năm sinh.",
        "years": "Bắt buộc. Năm đạt kết quả, ví dụ 2024, hoặc nhiều năm liền cùng kết quả: "
                 "2023-2024.",
        "what": "Bắt buộc. Mỗi dòng một kết quả: mức hoàn thành nhiệm vụ (ví dụ HTXSNV), danh hiệu "
                "(Chiến sĩ thi đua cơ sở) hoặc hình thức khen thưởng (Bằng khen của Chủ tịch UBND "
                "tỉnh).",
        "initiatives": "Không bắt buộc. Số sáng kiến được công nhận trong năm ấy, ví dụ 1; dùng "
                       "cho tiêu chuẩn tính sáng kiến qua nhiều năm.",
        "kind": "Không bắt buộc; để trống là Công trạng. Loại của hình thức khen thưởng đã nhận: "
                "Công trạng, Phong trào hoặc Đột xuất.",
        "decision_number": "Nên ghi cho danh hiệu, hình thức khen thưởng. Số quyết định, ví dụ "
                           "215/QĐ-VPUB; báo cáo thành tích kê số này ở mục khen thưởng đã nhận.",
        "decision_date": "Không bắt buộc. Ngày ký quyết định, ví dụ 10/12/2024.",
        "body": "Không bắt buộc. " + _BODY,
    },
    "decisions": {
        "number": "Bắt buộc. Số quyết định khen thưởng đã về tới cơ quan, ví dụ 1234/QĐ-UBND.",
        "date": "Bắt buộc. Ngày ký quyết định, ví dụ 20/12/2026; không trước ngày ký tờ trình.",
        "body": "Bắt buộc. " + _BODY,
        "code": "Không bắt buộc. Mã của tập thể, cá nhân như ở sheet Tập thể, Cá nhân, ví dụ "
                "CB015.",
        "name": "Bắt buộc. Tên tập thể hoặc họ và tên được đề nghị, như ở sheet Tập thể, Cá nhân, "
                "ví dụ: Phòng Kinh tế.",
        "birth_year": "Không bắt buộc. Năm sinh, ví dụ 1985; cần khi hai người trùng họ tên.",
        "proposed": "Bắt buộc. Danh hiệu, hình thức đã đề nghị trong bảng tính này, ví dụ: Bằng "
                    "khen của Chủ tịch UBND tỉnh. Chọn trong danh sách (mũi tên).",
        "outcome": "Bắt buộc. Được tặng hoặc Không được tặng, theo quyết định.",
        "granted": "Không bắt buộc. Chỉ ghi khi cấp trên tặng hình thức khác đề nghị, ví dụ đề "
                   "nghị Bằng khen của Thủ tướng Chính phủ, được tặng Bằng khen của Chủ tịch UBND "
                   "tỉnh. Chọn trong danh sách (mũi tên).",
    },
    "council": {
        "members": "Bắt buộc. Tổng số thành viên Hội đồng Thi đua - Khen thưởng theo quyết định "
                   "thành lập, ví dụ 9; không tính thư ký không phải thành viên.",
        "present": "Không bắt buộc. Số thành viên dự họp xét khen thưởng, ví dụ 8. Ngưỡng biểu "
                   "quyết thường tính trên số này; một số danh hiệu tính trên tổng số thành viên.",
        "absent": "Không bắt buộc. Thành viên vắng và lý do, ví dụ: Lò Văn Sơn (đi công tác). Có "
                  "bảng thành viên bên dưới thì để trống.",
        "meeting_date": "Không bắt buộc. Ngày họp xét, ví dụ 20/11/2026; không sau Ngày ký ở "
                        "sheet Thông tin. Để trống thì biên bản để chỗ trống điền tay.",
        "start_time": "Không bắt buộc. Giờ bắt đầu họp, ví dụ: 14 giờ 00.",
        "end_time": "Không bắt buộc. Giờ kết thúc họp, ví dụ: 16 giờ 30.",
        "venue": "Không bắt buộc. Nơi họp, ví dụ: Phòng họp tầng 2, Văn phòng UBND tỉnh.",
        "chair": "Không bắt buộc. Họ tên người chủ trì, ví dụ: Hà Minh Tuấn. Để trống thì lấy Chủ "
                 "tịch Hội đồng (vắng thì Phó Chủ tịch) trong bảng thành viên.",
        "chair_title": "Không bắt buộc. Chức vụ người chủ trì, ví dụ: Chánh Văn phòng.",
        "secretary": "Không bắt buộc. Họ tên thư ký cuộc họp, ví dụ: Lường Thị Hoa. Để trống thì "
                     "lấy người là Thư ký trong bảng thành viên.",
        "number": "Không bắt buộc. Số biên bản theo sổ của Hội đồng, ví dụ 03." + _NUMBER,
    },
    "council_members": {
        "name": "Bắt buộc. Họ và tên thành viên Hội đồng, ví dụ: Hà Minh Tuấn; mỗi người một "
                "dòng, kể cả người vắng.",
        "position": "Không bắt buộc. Chức vụ công tác, ví dụ: Phó Chánh Văn phòng.",
        "role": "Bắt buộc. Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng, Ủy viên, Ủy viên kiêm Thư "
                "ký, hoặc Thư ký (không phải thành viên, không tính vào Tổng số thành viên).",
        "attended": "Bắt buộc. Có hoặc Vắng. Biên bản ghi người dự họp và người vắng theo cột "
                    "này; số người Có (không kể Thư ký không phải thành viên) phải bằng Số thành "
                    "viên dự họp ở trên.",
        "reason": "Không bắt buộc. Lý do vắng, ví dụ: Đi công tác; chỉ ghi cho người Vắng.",
    },
    "quotas": {
        "award": "Bắt buộc. Danh hiệu, hình thức có chỉ tiêu trong kế hoạch, ví dụ: Bằng khen của "
                 "Chủ tịch UBND tỉnh. Chọn trong danh sách (mũi tên).",
        "collectives": "Không bắt buộc. Số tập thể tối đa được đề nghị, ví dụ 2; để trống là "
                       "không giới hạn.",
        "individuals": "Không bắt buộc. Số cá nhân tối đa được đề nghị, ví dụ 5; để trống là "
                       "không giới hạn.",
        "source": "Không bắt buộc. Văn bản giao chỉ tiêu, ví dụ: Kế hoạch số 45/KH-UBND ngày "
                  "15/02/2026. Đề nghị vượt chỉ tiêu là “cần kiểm tra”, kèm căn cứ này.",
    },
}
