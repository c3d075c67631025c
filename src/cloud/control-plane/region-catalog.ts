/** The fixed catalog of Flink regions the local cloud offers (`fcpm/v2/regions`). */
import type { CloudProvider } from './types.js';

/** One Flink region. */
export interface FlinkRegion {
  readonly id: string;
  readonly cloud: CloudProvider;
  readonly regionName: string;
  readonly displayName: string;
}

const RAW: ReadonlyArray<readonly [CloudProvider, string, string]> = [
  ['AWS', 'us-east-1', 'N. Virginia'], ['AWS', 'us-east-2', 'Ohio'], ['AWS', 'us-west-2', 'Oregon'],
  ['AWS', 'eu-west-1', 'Ireland'], ['AWS', 'eu-central-1', 'Frankfurt'], ['AWS', 'ap-south-1', 'Mumbai'],
  ['AWS', 'ap-southeast-1', 'Singapore'], ['AWS', 'ap-southeast-2', 'Sydney'],
  ['GCP', 'us-central1', 'Iowa'], ['GCP', 'us-east1', 'South Carolina'], ['GCP', 'us-east4', 'N. Virginia'],
  ['GCP', 'europe-west1', 'Belgium'], ['GCP', 'europe-west3', 'Frankfurt'], ['GCP', 'asia-southeast1', 'Singapore'],
  ['AZURE', 'eastus', 'Virginia'], ['AZURE', 'eastus2', 'Virginia'], ['AZURE', 'westus2', 'Washington'],
  ['AZURE', 'centralus', 'Iowa'], ['AZURE', 'westeurope', 'Netherlands'], ['AZURE', 'northeurope', 'Ireland'],
];

/** Every region, sorted by id. */
export const FLINK_REGIONS: readonly FlinkRegion[] = RAW
  .map(([cloud, regionName, place]) => ({ id: `${cloud.toLowerCase()}.${regionName}`, cloud, regionName, displayName: `${place} (${regionName})` }))
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The region for a cloud and region name, if offered. */
export function findRegion(cloud: string, regionName: string): FlinkRegion | undefined {
  return FLINK_REGIONS.find((r) => r.cloud === cloud.toUpperCase() && r.regionName === regionName);
}

/** The region with an id such as `aws.us-east-2`, if offered. */
export function findRegionById(id: string): FlinkRegion | undefined {
  return FLINK_REGIONS.find((r) => r.id === id);
}
