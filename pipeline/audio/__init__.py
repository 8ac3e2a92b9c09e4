"""The audio edition's machinery: TTS engines behind one interface, voice tables, the
programme plan and timeline, loudness and mastering, captions and tags."""
