/* The title page's player: chapter and transcript links seek the audio, and the cue being
   read is highlighted (and kept in view) as it plays. Without JavaScript the same links open
   the MP3 at that time (#t=…), and everything else is plain HTML. */
(function () {
  "use strict";
  var audio = document.querySelector("audio[data-player]");
  if (!audio) return;

  var cues = Array.prototype.slice.call(document.querySelectorAll("[data-cue]"));
  var chapters = Array.prototype.slice.call(document.querySelectorAll("[data-chapter]"));
  var cueStarts = cues.map(function (el) { return parseFloat(el.getAttribute("data-start")); });
  var chapterStarts = chapters.map(function (el) { return parseFloat(el.getAttribute("data-start")); });
  var box = document.querySelector(".cues");
  var now = document.querySelector("[data-now]");
  var follow = document.querySelector("[data-follow]");
  var current = { cue: -1, chapter: -1 };

  if (follow) follow.parentNode.hidden = false;
  // An <audio> element has nowhere to draw captions: load the track's cues without showing them.
  for (var i = 0; i < audio.textTracks.length; i++) audio.textTracks[i].mode = "hidden";

  function seek(seconds) {
    audio.currentTime = seconds;
    if (audio.paused) {
      var playing = audio.play();
      if (playing && playing.catch) playing.catch(function () {});
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-seek]") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    seek(parseFloat(link.getAttribute("data-seek")));
  });

  // The last index whose start is at or before t (-1 before the first).
  function at(starts, t) {
    var lo = 0, hi = starts.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (starts[mid] <= t + 0.05) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function mark(list, index, which) {
    if (index === current[which]) return false;
    if (current[which] >= 0) {
      list[current[which]].classList.remove("current");
      list[current[which]].removeAttribute("aria-current");
    }
    current[which] = index;
    if (index >= 0) {
      list[index].classList.add("current");
      list[index].setAttribute("aria-current", "true");
    }
    return index >= 0;
  }

  function keepInView(el) {
    if (!box || (follow && !follow.checked)) return;
    var top = el.offsetTop, bottom = top + el.offsetHeight;
    if (top < box.scrollTop || bottom > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }

  function update() {
    var t = audio.currentTime;
    if (mark(cues, at(cueStarts, t), "cue")) {
      var cue = cues[current.cue];
      keepInView(cue);
      if (now) {
        now.hidden = false;
        now.replaceChildren(cue.querySelector(".who").cloneNode(true), document.createTextNode(" "),
                            cue.querySelector(".said").cloneNode(true));
      }
    }
    mark(chapters, at(chapterStarts, t), "chapter");
  }

  audio.addEventListener("timeupdate", update);
  audio.addEventListener("seeked", update);
})();
