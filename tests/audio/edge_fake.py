"""A stand-in for aiohttp's ClientSession that replays a recorded edge-tts answer.

Everything above aiohttp is real: edge_tts.Communicate builds its SSML, parses the frames,
compensates offsets, and our engine retries, decodes and times sentences. The fake records
what was sent and how many connections were open at once.
"""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path
from typing import Any

import aiohttp

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "edge-response.json"


def recorded() -> dict[str, Any]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


class Service:
    """What the fake sessions share: the answer, failures to stage, and what was seen."""

    def __init__(self, *, fail_first: int = 0, failure: BaseException | None = None, hang: bool = False) -> None:
        self.answer = recorded()
        self.fail_first = fail_first
        self.failure = failure or aiohttp.ClientConnectionError("Connection reset by peer")
        self.hang = hang
        self.sent: list[str] = []
        self.connections = 0
        self.open = 0
        self.most_open = 0

    def session(self, *args: Any, **kwargs: Any) -> FakeSession:
        return FakeSession(self)


class FakeSession:
    def __init__(self, service: Service) -> None:
        self.service = service

    async def __aenter__(self) -> FakeSession:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    def ws_connect(self, url: str, **kwargs: Any) -> FakeSocket:
        return FakeSocket(self.service)

    def get(self, url: str, **kwargs: Any) -> FakeResponse:
        return FakeResponse(self.service)


class FakeResponse:
    def __init__(self, service: Service) -> None:
        self.service = service

    async def __aenter__(self) -> FakeResponse:
        if self.service.hang:
            await asyncio.sleep(3600)
        if self.service.fail_first:
            raise self.service.failure
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    async def text(self) -> str:
        return json.dumps([{"ShortName": "zh-CN-XiaoxiaoNeural", "Locale": "zh-CN", "Gender": "Female"}])


class FakeSocket:
    def __init__(self, service: Service) -> None:
        self.service = service

    async def __aenter__(self) -> FakeSocket:
        service = self.service
        service.connections += 1
        if service.hang:
            await asyncio.sleep(3600)
        if service.fail_first > 0:
            service.fail_first -= 1
            raise service.failure
        service.open += 1
        service.most_open = max(service.most_open, service.open)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.service.open -= 1

    async def send_str(self, data: str) -> None:
        self.service.sent.append(data)

    def __aiter__(self):  # noqa: ANN204
        return self._frames()

    async def _frames(self):  # noqa: ANN202
        for frame in self.service.answer["frames"]:
            await asyncio.sleep(0.001)  # let other connections interleave, as on a network
            if frame["type"] == "text":
                yield aiohttp.WSMessage(aiohttp.WSMsgType.TEXT, frame["data"], None)
            else:
                yield aiohttp.WSMessage(aiohttp.WSMsgType.BINARY, base64.b64decode(frame["data"]), None)
