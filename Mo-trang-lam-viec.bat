@echo off
rem Double-click: open khenthuong's page in the browser (khenthuong web). Lap-van-ban.bat
rem prepares Python and .venv as for its own work, then starts the page.
call "%~dp0Lap-van-ban.bat" web
