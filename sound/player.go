package sound

import (
	"os/exec"
	"path/filepath"
	"time"
)

// DefaultGrace is how long a player may run past the end of its cue
// before it is taken to be hung and killed. Starting a player and opening
// the audio device can take a moment, so the allowance is generous.
const DefaultGrace = 3 * time.Second

// Player plays WAV files through an external program, never through a
// shell, so no file name or argument is ever interpreted.
type Player struct {
	path string
	args []string

	// Grace is how long the program may run past the cue's duration
	// before it is killed; zero means DefaultGrace.
	Grace time.Duration
}

// knownPlayers are tried in order: PipeWire first, then PulseAudio, then
// bare ALSA, then macOS. aplay prints a banner for every file unless
// quiet, and that would scribble over the terminal interface.
var knownPlayers = []struct {
	name string
	args []string
}{
	{"pw-play", nil},
	{"paplay", nil},
	{"aplay", []string{"-q"}},
	{"afplay", nil},
}

// FindPlayer looks on PATH for pw-play, paplay, aplay and afplay, in that
// order; nil when none is found.
func FindPlayer() *Player {
	for _, k := range knownPlayers {
		if path, err := exec.LookPath(k.name); err == nil {
			return NewPlayer(path, k.args...)
		}
	}
	return nil
}

// NewPlayer uses the named program with its arguments; the WAV file's path
// is appended as the last argument.
func NewPlayer(path string, args ...string) *Player {
	return &Player{path: path, args: append([]string(nil), args...)}
}

// Name is the program's base name, e.g. "paplay".
func (p *Player) Name() string {
	if p == nil {
		return ""
	}
	return filepath.Base(p.path)
}

func (p *Player) grace() time.Duration {
	if p.Grace > 0 {
		return p.Grace
	}
	return DefaultGrace
}
