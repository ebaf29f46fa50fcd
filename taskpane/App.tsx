import * as React from "react";
import { makeStyles, tokens, Text, Title2 } from "@fluentui/react-components";

/** Placeholder root of the task pane; the real pane (taskpane/components/**) replaces it. */
export interface AppProps {
  title: string;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

const App: React.FC<AppProps> = ({ title }) => {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">{title}</Title2>
      <Text>部门决算公开报表的精确计算、一致性检查与情况说明生成。</Text>
    </main>
  );
};

export default App;
