// The reading direction Radix's parts lay themselves out by.
//
// Radix Themes' <Theme> gives the whole app Direction "ltr"
// (@radix-ui/themes/dist/esm/components/theme.js), and a Radix part (tabs, radio
// groups, selects, menus) takes its direction from that, not from <html dir>: on the
// Urdu page the tabs ran left to right, radio buttons sat left of their words and a
// figure like "1 منٹ سے کم" read backwards. Inside this provider they follow the page.
// The same "radix-ui" module as Radix Themes', so the same context.
import { Direction } from "radix-ui";

export function PageDirection({ dir, children }) {
  return <Direction.Provider dir={dir}>{children}</Direction.Provider>;
}
