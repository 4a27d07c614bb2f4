// Keeps Reflex's colour mode and the user's saved theme in step.
//
// `theme` is the saved preference (the pk_theme cookie, set at sign-in and on the
// settings page): when it changes, the page switches to it. When the mode changes
// here (the header's toggle), `onChange` tells the server, which saves it.
import { useContext, useEffect, useRef } from "react";
import { ColorModeContext } from "$/utils/context";

export function ThemeSync({ theme, onChange }) {
  const { colorMode, setColorMode } = useContext(ColorModeContext);
  const known = useRef(null);

  useEffect(() => {
    if (theme && theme !== colorMode) {
      known.current = theme;
      setColorMode(theme);
    }
  }, [theme]);

  useEffect(() => {
    if (known.current === null) {
      known.current = colorMode;
      return;
    }
    if (colorMode !== known.current) {
      known.current = colorMode;
      onChange(colorMode);
    }
  }, [colorMode]);
  return null;
}
