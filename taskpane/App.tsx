import * as React from "react";
import { makeStyles, tokens, Title3 } from "@fluentui/react-components";
import { Pane } from "./components/Pane";
import type { PaneServices } from "./services";

/** Root of the task pane: the product title and the four tabs, on the given host services. */
export interface AppProps {
  title: string;
  services: PaneServices;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
});

const App: React.FC<AppProps> = ({ title, services }) => {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">{title}</Title3>
      <Pane services={services} />
    </main>
  );
};

export default App;
