"""`khenthuong web`: serve the page on 127.0.0.1 with waitress and open the browser on it."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from pathlib import Path

from waitress.server import create_server

from ..errors import KhenthuongError
from .app import create_app
from .files import MAX_UPLOAD

THREADS = 4  # the page, its progress reloads, downloads, while a generate runs in its own


def serve(*, inputs: Path, outputs: Path, forms: Path, port: int = 0, browser: bool = True,
          say: Callable[[str], None] = print) -> None:
    """Serve until Ctrl+C: on `port`, or on a free one when 0."""
    app = create_app(inputs=inputs, outputs=outputs, forms=forms)
    site = app.config["SITE"]
    try:
        server = create_server(app, host="127.0.0.1", port=port, threads=THREADS,
                               ident="khenthuong", max_request_body_size=4 * MAX_UPLOAD)
    except OSError as err:
        raise KhenthuongError(f"Không mở được cổng {port} trên máy này ({err.strerror or err}); "
                              "hãy chọn cổng khác, hoặc bỏ --port để dùng một cổng còn "
                              "trống.") from err
    site.port = server.effective_port
    address = f"http://127.0.0.1:{site.port}/?token={site.token}"
    say(f"Trang khenthuong đang chạy tại {address}")
    if browser and webbrowser.open(address):
        say("Đã mở trang trong trình duyệt. Chỉ trình duyệt trên máy này, mở bằng đường dẫn "
            "trên, dùng được trang.")
    else:
        say("Hãy mở đường dẫn trên trong trình duyệt (Chrome, Edge, Firefox) trên máy này.")
    say("Để dừng: nhấn Ctrl+C trong cửa sổ này, hoặc đóng cửa sổ.")
    try:
        server.run()  # returns on Ctrl+C
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    say("Đã dừng trang khenthuong.")
