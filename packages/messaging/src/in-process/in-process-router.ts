import type { ConsumerPipeline } from '../consumer/consumer-pipeline.js';

/** Which consumer groups of this process read which topics. */
export class InProcessRouter {
  private readonly pipelines: ConsumerPipeline[] = [];

  add(pipeline: ConsumerPipeline): void {
    if (this.pipelines.some((existing) => existing.group === pipeline.group)) {
      throw new Error(`Consumer group ${pipeline.group} is registered twice in this process.`);
    }
    this.pipelines.push(pipeline);
  }

  subscribersOf(topics: ReadonlySet<string>): ConsumerPipeline[] {
    return this.pipelines.filter((pipeline) => pipeline.topics.some((topic) => topics.has(topic)));
  }
}
