// Package config reads knead's settings file and environment: defaults a
// user would otherwise type each time. Flags override both.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"knead/inputs"
	"knead/routines"
)

// FileName is the settings file inside knead's config folder.
const FileName = "config.yaml"

// Source says where a setting's value came from.
type Source string

// Possible Source values, from the weakest.
const (
	Default     Source = "default"
	File        Source = "file"
	Environment Source = "environment"
	Flag        Source = "flag"
)

// Check-in choices.
const (
	CheckInStep = "step" // after every step: the default and the safest
	CheckInSide = "side" // only when a side is done: after steps that switch sides, and after the last
)

// Config is the effective settings.
type Config struct {
	For        string // "", self or partner
	Partner    string
	Bell       bool
	Voice      string
	Accessible bool
	CheckIn    string
	// Sound is how cues sound: tones (through the system's sound player,
	// the terminal bell when there is none), bell or off.
	Sound string
	// TempoTicks plays a soft tick on each tempo pass.
	TempoTicks bool
	// Sources says where each key's value came from.
	Sources map[string]Source
}

// Keys lists the settings in the order `knead config show` prints them.
var Keys = []string{"for", "partner", "bell", "sound", "tempo_ticks", "voice", "accessible", "check_in"}

// Sound choices.
const (
	SoundTones = "tones"
	SoundBell  = "bell"
	SoundOff   = "off"
)

// Defaults are the settings without a file, environment or flags.
func Defaults() Config {
	c := Config{Bell: true, Sound: SoundTones, CheckIn: CheckInStep, Sources: map[string]Source{}}
	for _, k := range Keys {
		c.Sources[k] = Default
	}
	return c
}

// Error is a problem in the settings file, at a line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", routines.Clean(e.File), e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", routines.Clean(e.File), e.Msg)
}

// Path is the settings file in dir (knead's config folder).
func Path(dir string) string { return filepath.Join(dir, FileName) }

// Load reads the file at path (a missing file is fine), then the
// environment (KNEAD_FOR, KNEAD_PARTNER, KNEAD_BELL, KNEAD_SOUND,
// KNEAD_TEMPO_TICKS, KNEAD_VOICE, KNEAD_ACCESSIBLE, KNEAD_CHECK_IN), each
// overriding what came before.
func Load(path string, getenv func(string) string) (Config, error) {
	c := Defaults()
	data, err := inputs.ReadPrivate(path, MaxFileSize)
	var unsafe *inputs.NotPrivateError
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case errors.As(err, &unsafe):
		return c, &Error{File: path, Msg: err.Error()}
	case err != nil:
		return c, &Error{File: path, Msg: err.Error() + "; the settings file must be a small text file"}
	default:
		if err := c.parseFile(path, data); err != nil {
			return c, err
		}
	}
	for _, k := range Keys {
		name := "KNEAD_" + strings.ToUpper(k)
		if v := getenv(name); v != "" {
			if err := c.set(k, v, Environment); err != nil {
				return c, fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	return c, nil
}

// MaxNameLength bounds a partner's name: it is shown in prompts and
// columns, and recorded.
const MaxNameLength = 64

// MaxFileSize bounds the settings file: a real one is a few hundred bytes.
const MaxFileSize = 64 << 10

// fileShape bounds the settings file's structure before it is parsed: it
// is one flat mapping of a few keys.
var fileShape = inputs.Shape{Depth: 4, Nodes: 200, Indent: 16}

func (c *Config) parseFile(path string, data []byte) error {
	if err := fileShape.Check(data); err != nil {
		var se *inputs.ShapeError
		errors.As(err, &se)
		return &Error{File: path, Line: se.Line, Msg: se.Msg}
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return &Error{File: path, Msg: "not valid YAML: " + firstLine(err.Error())}
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return nil // empty, or comments only
	}
	m, ok := file.Docs[0].Body.(ast.MapNode)
	if !ok {
		return &Error{File: path, Line: line(file.Docs[0].Body), Msg: "the settings must be a mapping of keys: " + strings.Join(Keys, ", ")}
	}
	it := m.MapRange()
	for it.Next() {
		key := it.Key().GetToken().Value
		value := it.Value()
		var text string
		switch v := value.(type) {
		case *ast.StringNode:
			text = v.Value
		case *ast.BoolNode, *ast.IntegerNode, *ast.FloatNode:
			text = v.GetToken().Value
		case *ast.NullNode:
			text = ""
		default:
			return &Error{File: path, Line: line(value), Msg: fmt.Sprintf("%s must be a single value", key)}
		}
		if err := c.set(key, text, File); err != nil {
			return &Error{File: path, Line: line(it.Key()), Msg: err.Error()}
		}
	}
	return nil
}

func line(n ast.Node) int {
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// set checks and stores one value.
func (c *Config) set(key, value string, from Source) error {
	value = strings.TrimSpace(value)
	switch key {
	case "for":
		if value != "self" && value != "partner" {
			return fmt.Errorf("for %q is not one of: self, partner", routines.Excerpt(value, 40))
		}
		c.For = value
	case "partner":
		// A name is shown and recorded: nothing in it may act on a terminal.
		name := routines.Clean(value)
		if n := len([]rune(name)); n > MaxNameLength {
			return fmt.Errorf("partner %q is %d characters long; a name has at most %d", routines.Excerpt(name, 20), n, MaxNameLength)
		}
		c.Partner = name
	case "bell", "accessible", "tempo_ticks":
		b, ok := map[string]bool{"true": true, "yes": true, "on": true, "false": false, "no": false, "off": false}[strings.ToLower(value)]
		if !ok {
			return fmt.Errorf("%s %q is not one of: true, false", key, routines.Excerpt(value, 40))
		}
		*map[string]*bool{"bell": &c.Bell, "accessible": &c.Accessible, "tempo_ticks": &c.TempoTicks}[key] = b
	case "sound":
		if value != SoundTones && value != SoundBell && value != SoundOff {
			return fmt.Errorf("sound %q is not one of: tones (the system's sound player, or the bell without one), bell, off", routines.Excerpt(value, 40))
		}
		c.Sound = value
	case "voice":
		c.Voice = value
	case "check_in":
		if value != CheckInStep && value != CheckInSide {
			return fmt.Errorf("check_in %q is not one of: step (after every step), side (when a side is done)", routines.Excerpt(value, 40))
		}
		c.CheckIn = value
	default:
		return fmt.Errorf("unknown key %q; valid keys: %s", routines.Excerpt(key, 40), strings.Join(Keys, ", "))
	}
	c.Sources[key] = from
	return nil
}

// Override sets a key from a flag.
func (c *Config) Override(key, value string) error { return c.set(key, value, Flag) }

// Show lists the effective settings, one "key: value (source)" a line.
func (c Config) Show() string {
	values := map[string]string{
		"for": c.For, "partner": c.Partner, "bell": fmt.Sprint(c.Bell), "voice": c.Voice,
		"sound": c.Sound, "tempo_ticks": fmt.Sprint(c.TempoTicks),
		"accessible": fmt.Sprint(c.Accessible), "check_in": c.CheckIn,
	}
	// Columns as wide as their widest entry, so that they line up.
	keyW, valueW := 0, 0
	for _, k := range Keys {
		values[k] = routines.Clean(values[k])
		if values[k] == "" {
			values[k] = `""`
		}
		keyW, valueW = max(keyW, len(k)+1), max(valueW, len([]rune(values[k])))
	}
	var b strings.Builder
	for _, k := range Keys {
		fmt.Fprintf(&b, "%-*s %-*s (%s)\n", keyW, k+":", valueW, values[k], c.Sources[k])
	}
	return b.String()
}

// Template is written by `knead config edit` when there is no file yet.
const Template = `# knead settings. Flags override these; so do the environment variables
# KNEAD_FOR, KNEAD_PARTNER, KNEAD_BELL, KNEAD_SOUND, KNEAD_TEMPO_TICKS,
# KNEAD_VOICE, KNEAD_ACCESSIBLE, KNEAD_CHECK_IN.

# Who is massaged: self or partner (asked when not set).
# for: self

# The partner's name, to keep each person's history apart.
# partner: Ann

# Ring the terminal bell on cues: true or false. false also silences the
# bell that stands in for tones when there is no sound player.
# bell: true

# How cues sound: tones (a distinct tone for each cue, through pw-play,
# paplay, aplay or afplay; the terminal bell in patterns when none is
# found), bell (bell patterns only) or off.
# sound: tones

# A soft tick on each tempo pass: true or false.
# tempo_ticks: false

# A speech command for spoken cues, run with the text as its argument,
# e.g. espeak-ng, say, spd-say.
# voice: espeak-ng

# Plain text lines instead of the full screen: true or false.
# accessible: false

# When to ask about the pain: step (after every step, the safest) or side
# (only when a side is done). Pain can be reported at any moment anyway.
# check_in: step
`
