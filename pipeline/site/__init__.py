"""The web edition and the feeds: a static site over the whole catalogue (`publish site`)."""
