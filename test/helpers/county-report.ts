/** A small county 政协 work report of one year whose review part holds `review` (one paragraph per line). */
export function countyReport(county: string, year: number, review: string[]): string {
  return [
    `政协${county}委员会常务委员会工作报告`,
    `——${year + 1}年1月12日在政协${county}第十届委员会第二次会议上`,
    '各位委员:',
    `现在,我代表政协${county}委员会常务委员会,向大会报告${year}年的工作,请予审议。`,
    `一、${year}年工作回顾`,
    `过去一年,县政协常委会围绕中心、服务大局,认真履行政治协商、民主监督、参政议政职能。`,
    ...review,
    `二、${year + 1}年工作安排`,
    `${year + 1}年,县政协将继续坚持团结和民主两大主题。`,
  ].join('\n');
}
