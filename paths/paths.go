// Package paths finds knead's folders: an environment override first, then
// the XDG base directories, then the usual places under the home directory.
package paths

import (
	"os"
	"path/filepath"
)

// ConfigDir is the folder of knead's settings and the user's routines:
// $KNEAD_CONFIG_DIR, else $XDG_CONFIG_HOME/knead, else ~/.config/knead.
func ConfigDir() string {
	return dir("KNEAD_CONFIG_DIR", "XDG_CONFIG_HOME", ".config")
}

// DataDir is the folder of the session history: $KNEAD_DATA_DIR, else
// $XDG_DATA_HOME/knead, else ~/.local/share/knead.
func DataDir() string {
	return dir("KNEAD_DATA_DIR", "XDG_DATA_HOME", filepath.Join(".local", "share"))
}

// RoutinesDir is where the user's own routine files live.
func RoutinesDir() string {
	return filepath.Join(ConfigDir(), "routines")
}

func dir(override, xdg, homeFallback string) string {
	if d := os.Getenv(override); d != "" {
		return d
	}
	if d := os.Getenv(xdg); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "knead")
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		// Without a home there is no better place than the working folder.
		return filepath.Join(".knead")
	}
	return filepath.Join(home, homeFallback, "knead")
}
