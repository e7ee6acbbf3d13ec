@echo off
chcp 65001 >nul
setlocal
rem Double-click: check the workbooks in inputs\, then make the documents in outputs\.
rem The first run makes a Python environment in .venv, in this folder (no administrator
rem rights needed, nothing changed elsewhere), and installs khenthuong into it from the
rem Internet; later runs use it as it is, and install again when pyproject.toml changes.
rem With the argument web (Mo-trang-lam-viec.bat), it starts khenthuong web instead.
rem Vietnamese is only in echo lines: cmd reads them as UTF-8 after chcp 65001.
rem tests/test_launcher.py runs this file's commands on Linux; keep to what it reads.
rem pushd, not cd: it also enters a folder on a network share (\\server\share).
title khenthuong
pushd "%~dp0"
set "CODE=0"
set "VPY=.venv\Scripts\python.exe"
if not exist "pyproject.toml" goto not_unzipped

echo ============================================================
echo   Lập hồ sơ thi đua, khen thưởng (khenthuong)
echo ============================================================
if not exist "%VPY%" goto install
"%VPY%" -c "import pipeline.cli" >nul 2>&1
if errorlevel 1 goto install
fc /b "pyproject.toml" ".venv\khenthuong-pyproject.toml" >nul 2>&1
if errorlevel 1 goto install
goto run

:install
set "PY=py -3"
%PY% -c "import sys; sys.exit(sys.version_info < (3, 11))" >nul 2>&1
if not errorlevel 1 goto make_venv
set "PY=python"
%PY% -c "import sys; sys.exit(sys.version_info < (3, 11))" >nul 2>&1
if not errorlevel 1 goto make_venv
goto no_python

:make_venv
echo.
echo Cài đặt lần đầu vào thư mục .venv (cần Internet, mất vài phút).
echo Các dòng tiếng Anh dưới đây là của chương trình cài đặt pip.
echo.
%PY% -m venv --clear .venv
if errorlevel 1 goto install_failed
"%VPY%" -m pip install --disable-pip-version-check -e .
if errorlevel 1 goto install_failed
copy /y "pyproject.toml" ".venv\khenthuong-pyproject.toml" >nul
echo.
echo Đã cài đặt xong.

:run
if "%~1"=="web" goto web
echo.
echo ----- Bước 1/2: kiểm tra các bảng tính trong thư mục inputs -----
echo.
"%VPY%" -m pipeline check
if errorlevel 1 goto check_failed
echo.
echo ----- Bước 2/2: lập văn bản vào thư mục outputs -----
echo.
"%VPY%" -m pipeline generate
if errorlevel 1 goto generate_failed
echo.
echo Xong. Văn bản của từng đợt ở thư mục outputs, mỗi đợt một thư mục con;
echo bản tóm tắt ở trên được lưu trong tệp tom-tat.txt của thư mục đợt.
echo Thư mục outputs đang được mở trong một cửa sổ khác.
start "" "outputs"
goto end

:web
echo.
echo ----- Trang làm việc: mở trong trình duyệt; để dừng, đóng cửa sổ này -----
echo.
"%VPY%" -m pipeline web
set "CODE=%ERRORLEVEL%"
goto end

:check_failed
set "CODE=%ERRORLEVEL%"
echo.
echo Chưa lập văn bản: bảng tính còn lỗi hoặc chưa đọc được (xem các dòng ở trên).
echo Mở bảng tính bằng Excel, sửa theo từng dòng báo lỗi (sheet, dòng, cột),
echo lưu lại, rồi nhấp đúp vào Lap-van-ban một lần nữa.
goto end

:generate_failed
set "CODE=%ERRORLEVEL%"
echo.
echo Chưa lập được văn bản (xem các dòng ở trên); các tệp cũ trong outputs giữ nguyên.
echo Nếu một văn bản hay bảng tính trong thư mục outputs đang mở trong Word hoặc Excel,
echo hãy đóng nó, rồi nhấp đúp vào Lap-van-ban một lần nữa.
goto end

:no_python
set "CODE=9009"
echo.
echo Không tìm thấy Python 3.11 trở lên trên máy này.
echo Cài Python từ https://www.python.org/downloads/ (khi cài, đánh dấu ô
echo “Add python.exe to PATH”), hoặc từ Microsoft Store, rồi nhấp đúp vào
echo Lap-van-ban một lần nữa. Xem mục “Trên Windows” trong README.md.
goto end

:install_failed
set "CODE=%ERRORLEVEL%"
echo.
echo Cài đặt chưa xong (xem các dòng ở trên). Kiểm tra kết nối Internet, rồi nhấp đúp
echo vào Lap-van-ban một lần nữa; chương trình sẽ cài lại từ đầu.
goto end

:not_unzipped
set "CODE=1"
echo Không thấy các tệp của chương trình bên cạnh Lap-van-ban.
echo Nếu đang mở tệp .zip: nhấp phải vào tệp .zip, chọn “Extract All” (Giải nén),
echo rồi nhấp đúp vào Lap-van-ban trong thư mục vừa giải nén.
goto end

:end
echo.
echo Nhấn một phím bất kỳ để đóng cửa sổ này.
pause >nul
exit /b %CODE%
