package sound

import (
	"fmt"
	"strings"
)

// Mode is how cues sound: "tones", "bell" or "off".
type Mode string

// The modes a user can choose.
const (
	Tones Mode = "tones" // generated tones through a player program
	Bell  Mode = "bell"  // terminal bell patterns
	Off   Mode = "off"   // silent
)

// ParseMode reads a mode from a flag or settings file. Case and
// surrounding space are ignored, since people type these by hand.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(strings.ToLower(strings.TrimSpace(s))); m {
	case Tones, Bell, Off:
		return m, nil
	}
	return "", fmt.Errorf("sound must be tones, bell or off, not %q", s)
}
