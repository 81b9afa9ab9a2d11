package routines

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A routine file's labels (technique, zone) can say one thing and its cue
// another. These matchers read the words of a step (title, cue, direction)
// for what they ask of the hands and where, so that the safety rules hold
// for the words too. They are a safety net under the labels, not a parser
// of English: they err towards refusing.

// matcher reports whether the words starting at w[i] name what it looks
// for, and how many words it took.
type matcher func(w []string, i int) int

// asks returns the first thing a step's words ask for that m finds, not
// negated (see negated); "" when there is none.
func (s Step) asks(m matcher) string {
	found, _ := s.asksWhere(m)
	return found
}

// asksWhere is asks, with the key of the step where the words are: title,
// cue or direction.
func (s Step) asksWhere(m matcher) (found, key string) {
	for _, f := range []struct{ key, text string }{{"title", s.Title}, {"cue", s.Cue}, {"direction", s.Direction}} {
		w := tokens(f.text)
		for i := range w {
			if n := m(w, i); n > 0 && !negated(w, i, n) {
				return strings.Join(w[i:i+n], " "), f.key
			}
		}
	}
	return "", ""
}

// forceStems start words that ask for force: pressure, kneading,
// squeezing, shaking, percussion, and work with the fists, knuckles,
// elbows, forearms or body weight.
var forceStems = []string{
	"press", "knead", "squeez", "shak", "shook", "vibrat", "twist", "wring", "pinch", "compress", "squash",
	"firmly", "firmer", "firmest", "deep", "forc", "vigor", "strong", "strength", "heav", "bodyweight",
	"weighted", "weighting", "weights", "lean", "grind", "push", "dig", "manipulat", "crack", "jiggl",
	"wobbl", "sink", "fist", "knuckl", "elbow", "forearm",
}

// percussionStems start words that strike the body.
var percussionStems = []string{
	"tap", "pat", "beat", "hack", "chop", "drum", "pound", "slap", "hit", "strik", "struck", "punch", "pummel",
	"thump", "clap", "knock", "smack", "whack", "blows", "karate", "bounc", "gun",
}

// notForce are words that start like a force or percussion word but are
// not one.
var notForce = map[string]bool{
	"pattern": true, "patterns": true, "path": true, "paths": true, "patient": true, "patiently": true,
	"tape": true, "taper": true, "tapering": true, "digit": true, "digits": true, "heaven": true,
	"hitherto": true, "chopsticks": true,
}

func hasStem(word string, stems []string) bool {
	if notForce[word] {
		return false
	}
	for _, st := range stems {
		if strings.HasPrefix(word, st) {
			return true
		}
	}
	return false
}

func isPercussion(w []string, i int) int {
	if hasStem(w[i], percussionStems) && !patDry(w, i) {
		return 1
	}
	if w[i] == "rap" || w[i] == "raps" || w[i] == "rapping" {
		return 1
	}
	return 0
}

// patDry is "pat the skin dry": drying, not striking.
func patDry(w []string, i int) bool {
	if !strings.HasPrefix(w[i], "pat") {
		return false
	}
	for j := i + 1; j < min(len(w), i+5); j++ {
		if w[j] == "dry" {
			return true
		}
	}
	return false
}

// describes reports words that describe a feeling or a thing rather than
// ask the hands for something: "breathe deeply", "a warm compress", "too
// hard", "press pause", "rest one forearm on the table".
func describes(w []string, i int) bool {
	prev := func(words ...string) bool {
		for j := max(0, i-2); j < i; j++ {
			for _, x := range words {
				if w[j] == x {
					return true
				}
			}
		}
		return false
	}
	word := w[i]
	switch {
	case strings.HasPrefix(word, "deep"):
		return prev("breathe", "breathes", "breathing", "breath", "breaths", "sleep", "sleeps")
	case strings.HasPrefix(word, "compress"):
		return prev("warm", "cold", "hot", "a", "the", "that", "this")
	case word == "sink" || word == "sinks":
		next := strings.Join(w[i+1:min(len(w), i+4)], " ")
		return slices.Contains([]string{"into the mat", "into the bed", "into the floor", "into the surface", "into the pillow"}, next)
	case word == "hard" || word == "harder":
		return prev("too", "feel", "feels", "feeling", "is", "was", "gets", "get")
	case strings.HasPrefix(word, "press"):
		next := strings.Join(w[i+1:min(len(w), i+3)], " ")
		return slices.Contains([]string{"pause", "play", "enter", "space"}, strings.Split(next, " ")[0]) ||
			next == "the button" || next == "a key"
	case strings.HasPrefix(word, "forearm") || strings.HasPrefix(word, "elbow"):
		return prev("rest", "rests", "one", "lean") && i+1 < len(w) && w[i+1] == "on"
	}
	return false
}

func isForce(w []string, i int) int {
	word := w[i]
	switch {
	case describes(w, i):
		return 0
	case hasStem(word, forceStems), isPercussion(w, i) > 0:
		return 1
	case (word == "hard" || word == "harder" || word == "hardest") && !(i+1 < len(w) && w[i+1] == "to"):
		return 1 // "press hard", not "hard to reach"
	case word == "weight" && i > 0 && (w[i-1] == "body" || w[i-1] == "whole"):
		return 1
	case (word == "walk" || word == "stand" || word == "kneel") && i+1 < len(w) && w[i+1] == "on":
		return 2
	case (word == "hurts" || word == "hurt") && (slices.Contains(w[max(0, i-3):i], "until") || slices.Contains(w[max(0, i-2):i], "should") || slices.Contains(w[max(0, i-2):i], "must")):
		return 1 // "until it hurts", "it should hurt"
	}
	return 0
}

// phrases returns a matcher for any of the phrases, each a few words.
func phrases(list ...string) matcher {
	split := make([][]string, len(list))
	for i, p := range list {
		split[i] = strings.Fields(p)
	}
	return func(w []string, i int) int {
		for _, p := range split {
			if i+len(p) <= len(w) && equalWords(w[i:i+len(p)], p) {
				return len(p)
			}
		}
		return 0
	}
}

func equalWords(a, b []string) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// namesLowerBack finds words for the lower back and what lies under it.
var namesLowerBack = phrases("lower back", "low back", "small of the back", "waist", "loin", "loins",
	"lumbar", "sacrum", "sacral", "coccyx", "tailbone", "kidney", "kidneys", "flank", "flanks", "hip", "hips")

// namesUpperBack finds words for the back above the collar and the last
// rib, out of a person's own reach.
var namesUpperBack = phrases("upper back", "between the shoulder blades", "between your shoulder blades",
	"below the shoulder blades", "under the shoulder blades", "between the shoulders", "between your shoulders",
	"scapulae", "between your scapulae", "mid back", "middle of the back", "middle of your back",
	"behind your heart", "whole back", "entire back", "whole of the back", "whole of your back",
	"whole spine", "length of the spine", "length of your spine", "along your spine", "thoracic")

// namesAboveLowerBack finds words for any place above the last rib: the
// upper back, and the shoulders and neck of the collar.
func namesAboveLowerBack(w []string, i int) int {
	if n := namesUpperBack(w, i); n > 0 {
		return n
	}
	return namesShoulders(w, i)
}

var namesShoulders = phrases("shoulder", "shoulders", "neck", "shoulder blade", "shoulder blades")

// namesSpine finds words for the spinal column itself, which massage never
// works on.
var namesSpine = phrases("spine itself", "spinal column", "vertebra", "vertebrae", "spinous")

// negators turn what follows them into its opposite: "never press",
// "without any pressure or force", "free of pressure".
var negators = map[string]bool{"no": true, "never": true, "without": true, "not": true, "avoid": true,
	"avoiding": true, "don't": true, "dont": true, "shouldn't": true, "mustn't": true, "can't": true,
	"won't": true, "neither": true, "nor": true, "nothing": true, "zero": true, "free": true,
	"hardly": true, "barely": true, "above": true, "away": true, "clear": true, "short": true, "off": true,
	"outside": true, "except": true}

// fillers may stand between a negator and what it negates.
var fillers = map[string]bool{"with": true, "your": true, "the": true, "a": true, "an": true, "any": true,
	"or": true, "and": true, "use": true, "using": true, "of": true, "to": true, "over": true, "on": true,
	"onto": true, "near": true, "at": true, "in": true, "into": true, "their": true, "his": true, "her": true,
	"my": true, ",": true, "from": true, "well": true, "ever": true, "need": true, "needs": true,
	"keep": true, "keeping": true, "stay": true, "staying": true, "firm": true, "much": true, "too": true}

// negated reports whether the words w[i:i+n] are negated: a negator before
// them with only fillers, commas and other asked-for words between
// ("never press, tap or knead"), within the clause; or "free" or "none"
// straight after ("pressure-free", "pressure: none").
func negated(w []string, i, n int) bool {
	if i+n < len(w) && (w[i+n] == "free" || w[i+n] == "none") {
		return true
	}
	if i+n+1 < len(w) && w[i+n] == ":" && w[i+n+1] == "none" {
		return true
	}
	for j := i - 1; j >= 0; j-- {
		word := w[j]
		switch {
		case negators[word]:
			return true
		case fillers[word], isForce(w, j) > 0, namesLowerBack(w, j) > 0, namesAboveLowerBack(w, j) > 0, namesSpine(w, j) > 0:
			continue
		}
		return false
	}
	return false
}

// tokens splits text into lower-case words, with commas and clause marks
// (. ; : ! ?) as words of their own so that a negation never reaches
// across a clause. Look-alike letters (accents, full-width forms, Cyrillic
// and Greek letters that look Latin, digits inside words) are folded to
// plain Latin first, so "Préss", "Ｐｒｅｓｓ", "Рress" and "elb0w" are read
// as what they look like.
func tokens(text string) []string {
	tokenCache.Lock()
	defer tokenCache.Unlock()
	if w, ok := tokenCache.m[text]; ok {
		return w
	}
	if len(tokenCache.m) >= 64 {
		clear(tokenCache.m)
	}
	w := tokenize(text)
	tokenCache.m[text] = w
	return w
}

// tokenCache keeps the words of the last texts read: the safety rules
// read each step's title, cue and direction once per rule, and a long cue
// would otherwise be split again for each. The lists are only read.
var tokenCache = struct {
	sync.Mutex
	m map[string][]string
}{m: map[string][]string{}}

// tokenize splits text into words and punctuation, folded.
func tokenize(text string) []string {
	out := make([]string, 0, len(text)/4)
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, foldDigits(cur.String()))
			cur.Reset()
		}
	}
	for _, r := range fold(strings.ReplaceAll(text, "’", "'")) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'':
			cur.WriteRune(r)
		case r == ',' || r == '.' || r == ';' || r == ':' || r == '!' || r == '?':
			flush()
			out = append(out, string(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

// lookAlikes are Cyrillic and Greek letters drawn like Latin ones.
var lookAlikes = strings.NewReplacer(
	"а", "a", "в", "b", "е", "e", "ё", "e", "к", "k", "м", "m", "н", "h", "о", "o", "р", "p", "с", "c",
	"т", "t", "у", "y", "х", "x", "і", "i", "ј", "j", "ѕ", "s", "ԁ", "d", "ӏ", "l",
	"α", "a", "β", "b", "ε", "e", "ι", "i", "κ", "k", "ν", "v", "ο", "o", "ρ", "p", "τ", "t", "υ", "u", "χ", "x",
)

// fold lower-cases text, takes accents off and turns full-width and other
// compatibility forms and look-alike letters into plain ones.
func fold(text string) string {
	decomposed := norm.NFKD.String(strings.ToLower(text))
	var b strings.Builder
	for _, r := range decomposed {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return lookAlikes.Replace(b.String())
}

// foldDigits reads digits inside a word as the letters they stand in for
// ("elb0w"); a word of digits alone stays a number.
func foldDigits(word string) string {
	hasLetter := false
	for _, r := range word {
		hasLetter = hasLetter || unicode.IsLetter(r)
	}
	if !hasLetter {
		return word
	}
	return digitLetters.Replace(word)
}

// digitLetters are the digits written for the letters they look like.
var digitLetters = strings.NewReplacer("0", "o", "1", "l", "3", "e", "4", "a", "5", "s", "7", "t")
